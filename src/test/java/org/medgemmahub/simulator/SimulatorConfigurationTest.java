package org.medgemmahub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** The Spring wiring only, in a minimal context: the simulator itself is tested over HTTP elsewhere. */
@ExtendWith(OutputCaptureExtension.class)
class SimulatorConfigurationTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SimulatorProperties.class)
    static class BindProperties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BindProperties.class, SimulatorConfiguration.class)
            .withPropertyValues(
                    "hub.simulator.bind-address=127.0.0.1",
                    "hub.simulator.port=0",
                    "hub.simulator.cold-start=0s",
                    "hub.simulator.latency=0ms",
                    "hub.simulator.model-id=medgemma-simulator",
                    "hub.simulator.api-key=",
                    "hub.simulator.max-images=1");

    @Test
    void startsSimulatorAndWarnsOnceWhenEnabled(CapturedOutput output) {
        context.withPropertyValues("hub.simulator.enabled=true").run(started -> {
            assertThat(started).hasNotFailed().hasBean("medGemmaSimulator");
            MedGemmaSimulator simulator = started.getBean(MedGemmaSimulator.class);
            assertThat(new SimulatorClient(simulator).get("/health").statusCode()).isEqualTo(200);
            assertThat(output.getOut().lines().filter(line -> line.contains("built-in SIMULATOR")))
                    .singleElement().asString()
                    .contains("WARN")
                    .contains(simulator.baseUrl())
                    .contains("simulated, not clinical");
        });
    }

    @Test
    void startsNothingWhenDisabled() {
        context.withPropertyValues("hub.simulator.enabled=false")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(MedGemmaSimulator.class));
    }

    @Test
    void failsStartUpNamingTheBadKey() {
        context.withPropertyValues("hub.simulator.enabled=true", "hub.simulator.port=99999")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("hub.simulator.port must be between 0 and 65535, got 99999"));
    }

    @Test
    void startsWithTheConfiguredFaultsLikeAnHfDefaultContainer() {
        context.withPropertyValues("hub.simulator.enabled=true", "hub.simulator.faults.chat-route-404=true",
                "hub.simulator.faults.length-limit=3").run(started -> {
            MedGemmaSimulator simulator = started.getBean(MedGemmaSimulator.class);
            SimulatorClient client = new SimulatorClient(simulator);
            assertThat(client.postJson("/v1/chat/completions", SimulatorFixtures.chatRequest("x").toString()).statusCode())
                    .isEqualTo(404);
            assertThat(client.control().path("lengthLimit").asInt()).isEqualTo(3);
        });
    }

    @Test
    void failsStartUpOnAFaultLengthLimitBelowOne() {
        context.withPropertyValues("hub.simulator.enabled=true", "hub.simulator.faults.length-limit=0")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("hub.simulator.faults.length-limit must be at least 1, got 0"));
    }
}
