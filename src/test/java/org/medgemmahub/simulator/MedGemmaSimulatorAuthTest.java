package org.medgemmahub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medgemmahub.simulator.SimulatorClient.json;
import static org.medgemmahub.simulator.SimulatorFixtures.CONSOLIDATION_REPORT;
import static org.medgemmahub.simulator.SimulatorFixtures.chatRequest;
import static org.medgemmahub.simulator.SimulatorFixtures.gemmaPrompt;
import static org.medgemmahub.simulator.SimulatorFixtures.tgiRequest;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MedGemmaSimulatorAuthTest {
    private static final String KEY = "sim-test-key";
    private static final String TGI_REQUEST = tgiRequest(gemmaPrompt(CONSOLIDATION_REPORT));
    private static final String CHAT_REQUEST = chatRequest(CONSOLIDATION_REPORT).toString();

    private MedGemmaSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral().withApiKey(KEY));
        simulator.start();
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void servesGenerationWithTheBearerKey() {
        assertThat(client.postJson("/generate", TGI_REQUEST, "Authorization", "Bearer " + KEY).statusCode())
                .isEqualTo(200);
        assertThat(client.postJson("/", TGI_REQUEST, "Authorization", "bearer " + KEY).statusCode()).isEqualTo(200);
        assertThat(client.postJson("/v1/chat/completions", CHAT_REQUEST, "Authorization", "Bearer " + KEY).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/info", "/v1/models", "/control"})
    void keepsHealthInfoModelsAndControlOpen(String path) {
        assertThat(client.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void showsThatAKeyIsRequiredWithoutShowingIt() {
        assertThat(client.control().get("apiKeyRequired").asBoolean()).isTrue();
        assertThat(client.get("/control").body()).doesNotContain(KEY);
    }

    @Nested
    class Rejections {
        @Test
        void refusesTgiCallWithoutKeyWithEmpty401() {
            HttpResponse<String> response = client.postJson("/generate", TGI_REQUEST);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void refusesTgiCallWithWrongKey() {
            HttpResponse<String> response = client.postJson("/", TGI_REQUEST, "Authorization", "Bearer wrong");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void refusesChatCallWithoutKeyWithFlatError() {
            HttpResponse<String> response = client.postJson("/v1/chat/completions", CHAT_REQUEST);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response)).isEqualTo(json("{\"error\":\"Unauthorized\"}"));
        }

        @Test
        void checksTheKeyBeforeTheBody() {
            HttpResponse<String> response = client.postJson("/generate", "not json");

            assertThat(response.statusCode()).isEqualTo(401);
        }
    }
}
