package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medgemmahub.simulator.MedGemmaSimulator;
import org.medgemmahub.simulator.SimulatorSettings;
import org.medgemmahub.support.SimulatorControlClient;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;

class ModelHealthIndicatorTest {

    private static ModelHealthIndicator indicator(String api, String baseUrl) {
        MedGemmaProperties properties = MedGemmaFixtures.defaults(api, baseUrl);
        ModelBackendConfiguration configuration = new ModelBackendConfiguration();
        ModelHttpClient http = configuration.modelHttpClient(properties);
        VertexTokenSource tokens = configuration.vertexTokenSource(properties);
        return new ModelHealthIndicator(new ModelStatusCheck(properties, http, tokens),
                new ModelCallGuard(configuration.modelBackend(properties, http, tokens), properties));
    }

    @Test
    void reportsAReachableTgiServerWithTheModelIdFromInfo() {
        MedGemmaSimulator simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral().withModelId("google/medgemma-4b-it"));
        simulator.start();
        try {
            Health health = indicator("tgi", simulator.baseUrl()).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("model", "google/medgemma-4b-it").containsEntry("circuit", "CLOSED");
        } finally {
            simulator.stop();
        }
    }

    @Test
    void reportsAColdServerWithoutMakingTheHubDown() throws Exception {
        MedGemmaSimulator simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral());
        simulator.start();
        try {
            new SimulatorControlClient(simulator.baseUrl()).change("{\"coldStartSeconds\": 60}");

            Health health = indicator("tgi", simulator.baseUrl()).health();

            assertThat(health.getStatus().getCode()).isEqualTo("COLD");
            assertThat(new SimpleStatusAggregator().getAggregateStatus(Status.UP, health.getStatus())).isEqualTo(Status.UP);
        } finally {
            simulator.stop();
        }
    }

    @Test
    void reportsARefusedConnectionAsUnreachable() {
        Health health = indicator("openai", "http://127.0.0.1:" + org.medgemmahub.support.FreePorts.next()).health();

        assertThat(health.getStatus().getCode()).isEqualTo("UNREACHABLE");
        assertThat(health.getDetails()).containsEntry("detail", "MODEL-CONNECT");
    }
}
