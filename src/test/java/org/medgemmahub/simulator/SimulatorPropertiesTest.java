package org.medgemmahub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimulatorPropertiesTest {
    private static SimulatorProperties defaults() {
        return new SimulatorProperties(true, "127.0.0.1", 8090, Duration.ZERO, Duration.ZERO, "medgemma-simulator", "", 1);
    }

    @Test
    void turnsIntoSettingsWithTheSameValues() {
        var properties = new SimulatorProperties(true, "0.0.0.0", 0, Duration.ofSeconds(3), Duration.ofMillis(40),
                "google/medgemma-4b-it", " key ", 2);

        SimulatorSettings settings = properties.toSettings();

        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isZero();
        assertThat(settings.modelId()).isEqualTo("google/medgemma-4b-it");
        assertThat(settings.apiKey()).isEqualTo("key");
        assertThat(settings.behaviour()).isEqualTo(SimulatorBehaviour.wellBehaved()
                .withColdStart(Duration.ofSeconds(3)).withLatency(Duration.ofMillis(40)).withMaxImages(2));
    }

    @Test
    void hidesTheApiKeyWhenPrinted() {
        var properties = new SimulatorProperties(true, "127.0.0.1", 0, Duration.ZERO, Duration.ZERO, "m", "s3cret", 1);

        assertThat(properties.toString()).doesNotContain("s3cret").contains("apiKey=***");
        assertThat(properties.toSettings().toString()).doesNotContain("s3cret");
    }

    @Test
    void skipsValidationWhenDisabled() {
        var properties = new SimulatorProperties(false, null, -1, null, null, null, null, -1);

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.apiKey()).isEmpty();
    }

    @Test
    void hasValidDefaults() {
        assertThat(defaults().toSettings().requiresApiKey()).isFalse();
    }

    @Nested
    class Rejections {
        @Test
        void namesThePortKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SimulatorProperties(true, "127.0.0.1", 70000, Duration.ZERO, Duration.ZERO,
                            "m", "", 1))
                    .withMessage("hub.simulator.port must be between 0 and 65535, got 70000");
        }

        @Test
        void namesTheBindAddressKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SimulatorProperties(true, " ", 0, Duration.ZERO, Duration.ZERO, "m", "", 1))
                    .withMessage("hub.simulator.bind-address must not be blank");
        }

        @Test
        void namesTheColdStartKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SimulatorProperties(true, "127.0.0.1", 0, Duration.ofSeconds(-1),
                            Duration.ZERO, "m", "", 1))
                    .withMessage("hub.simulator.cold-start must be zero or positive");
        }

        @Test
        void namesTheLatencyKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SimulatorProperties(true, "127.0.0.1", 0, Duration.ZERO, null, "m", "", 1))
                    .withMessage("hub.simulator.latency must be zero or positive");
        }

        @Test
        void namesTheModelIdKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SimulatorProperties(true, "127.0.0.1", 0, Duration.ZERO, Duration.ZERO, "",
                            "", 1))
                    .withMessage("hub.simulator.model-id must not be blank");
        }

        @Test
        void namesTheMaxImagesKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SimulatorProperties(true, "127.0.0.1", 0, Duration.ZERO, Duration.ZERO, "m",
                            "", -1))
                    .withMessage("hub.simulator.max-images must be zero or positive, got -1");
        }
    }
}
