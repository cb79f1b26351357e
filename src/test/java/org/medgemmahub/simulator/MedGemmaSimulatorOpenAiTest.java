package org.medgemmahub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medgemmahub.simulator.SimulatorClient.json;
import static org.medgemmahub.simulator.SimulatorFixtures.CONSOLIDATION_REPORT;
import static org.medgemmahub.simulator.SimulatorFixtures.FRACTURE_REPORT;
import static org.medgemmahub.simulator.SimulatorFixtures.PNEUMOTHORAX_REPORT;
import static org.medgemmahub.simulator.SimulatorFixtures.TINY_JPEG;
import static org.medgemmahub.simulator.SimulatorFixtures.chatRequest;
import static org.medgemmahub.simulator.SimulatorFixtures.chatRequestWithImages;
import static org.medgemmahub.simulator.SimulatorFixtures.chatRequestWithRoles;
import static org.medgemmahub.simulator.SimulatorFixtures.jpegDataUri;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MedGemmaSimulatorOpenAiTest {
    private MedGemmaSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral());
        simulator.start();
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private HttpResponse<String> chat(ObjectNode request) {
        return client.postJson("/v1/chat/completions", request.toString());
    }

    private static JsonNode content(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return json(json(response).get("choices").get(0).get("message").get("content").asText());
    }

    @Test
    void answersChatCompletionInVllmShape() {
        long before = Instant.now().getEpochSecond();

        HttpResponse<String> response = chat(chatRequest(PNEUMOTHORAX_REPORT));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-MedGemma-Simulator")).hasValue("true");
        JsonNode completion = json(response);
        assertThat(completion.get("id").asText()).startsWith("chatcmpl-");
        assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.get("created").asLong()).isBetween(before, Instant.now().getEpochSecond());
        assertThat(completion.get("model").asText()).isEqualTo("google/medgemma-4b-it");
        JsonNode choice = completion.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = completion.get("usage");
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
        JsonNode answer = content(response);
        assertThat(answer.get("urgency").asText()).isEqualTo("critical");
        assertThat(answer.get("impression").asText()).contains("pneumothorax");
        assertThat(answer.get("simulated").asBoolean()).isTrue();
    }

    @Test
    void reportsConfiguredModelWhenRequestNamesNone() {
        ObjectNode request = chatRequest(CONSOLIDATION_REPORT);
        request.remove("model");

        assertThat(json(chat(request)).get("model").asText()).isEqualTo("medgemma-simulator");
    }

    @Test
    void answersSameConversationWithSameContent() {
        String first = json(chat(chatRequest(FRACTURE_REPORT))).get("choices").get(0).get("message").get("content").asText();
        String second = json(chat(chatRequest(FRACTURE_REPORT))).get("choices").get(0).get("message").get("content").asText();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void readsFindingsFromTheLastUserMessage() {
        ObjectNode request = chatRequestWithRoles("system", "user", "assistant", "user");
        ((ObjectNode) request.get("messages").get(3)).put("content", FRACTURE_REPORT);

        JsonNode answer = content(chat(request));

        assertThat(answer.get("findings")).hasSize(1);
        assertThat(answer.get("findings").get(0).asText()).contains("fracture");
    }

    @Test
    void reportsDecodedSizeOfImagePart() {
        JsonNode answer = content(chat(chatRequestWithImages("Describe this X-ray.", jpegDataUri())));

        assertThat(answer.get("impression").asText())
                .endsWith("An image was received (" + TINY_JPEG.length + " bytes decoded).");
    }

    @Test
    void answersGenericFindingForUnknownText() {
        JsonNode answer = content(chat(chatRequest("Please summarise the attached document.")));

        assertThat(answer.get("findings")).extracting(JsonNode::asText)
                .containsExactly("No specific finding identified by the simulator.");
        assertThat(answer.get("urgency").asText()).isEqualTo("routine");
    }

    @Test
    void cutsAnswerAtMaxTokensWithLengthReason() {
        JsonNode completion = json(chat(chatRequest(CONSOLIDATION_REPORT).put("max_tokens", 3)));

        JsonNode choice = completion.get("choices").get(0);
        assertThat(choice.get("finish_reason").asText()).isEqualTo("length");
        assertThat(choice.get("message").get("content").asText().split("\\s+")).hasSize(3);
        assertThat(completion.get("usage").get("completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void listsConfiguredModel() {
        HttpResponse<String> response = client.get("/v1/models");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode models = json(response);
        assertThat(models.get("object").asText()).isEqualTo("list");
        assertThat(models.get("data")).hasSize(1);
        assertThat(models.get("data").get(0).get("id").asText()).isEqualTo("medgemma-simulator");
        assertThat(models.get("data").get(0).get("object").asText()).isEqualTo("model");
    }

    @Nested
    class Rejections {
        private void assertVllmError(HttpResponse<String> response, String message) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            ObjectNode expected = SimulatorClient.JSON.createObjectNode();
            expected.putObject("error")
                    .put("message", message)
                    .put("type", "BadRequestError")
                    .putNull("param")
                    .put("code", 400);
            assertThat(json(response)).isEqualTo(expected);
        }

        @Test
        void rejectsMissingMessages() {
            ObjectNode request = chatRequest(CONSOLIDATION_REPORT);
            request.remove("messages");

            assertVllmError(chat(request), "`messages` must be a non-empty list of messages");
        }

        @Test
        void rejectsEmptyMessages() {
            ObjectNode request = chatRequest(CONSOLIDATION_REPORT);
            request.putArray("messages");

            assertVllmError(chat(request), "`messages` must be a non-empty list of messages");
        }

        @ParameterizedTest
        @ValueSource(strings = {"assistant,user", "user,user", "system,user,user", "user,assistant,assistant",
                "user,system", "system,system,user", "tool"})
        void rejectsRolesThatDoNotAlternate(String roles) {
            assertVllmError(chat(chatRequestWithRoles(roles.split(","))),
                    "Conversation roles must alternate user/assistant/user/assistant/...");
        }

        @Test
        void rejectsSecondImageWhenOneIsAllowed() {
            HttpResponse<String> response = chat(chatRequestWithImages("Compare.", jpegDataUri(), jpegDataUri()));

            assertVllmError(response, "At most 1 image(s) may be provided in one request.");
        }

        @Test
        void rejectsRemoteImageUrl() {
            HttpResponse<String> response = chat(chatRequestWithImages("Describe.", "https://example.org/cxr.jpg"));

            assertVllmError(response,
                    "Invalid image: the simulator only accepts data: URIs, it does not fetch remote images");
        }

        @Test
        void rejectsImageThatIsNotBase64() {
            HttpResponse<String> response = chat(chatRequestWithImages("Describe.", "data:image/jpeg;base64,@@@"));

            assertVllmError(response, "Invalid image: image data is not valid base64");
        }

        @Test
        void rejectsMaxTokensBelowOne() {
            assertVllmError(chat(chatRequest(CONSOLIDATION_REPORT).put("max_tokens", 0)),
                    "`max_tokens` must be an integer of at least 1");
        }

        @Test
        void rejectsMalformedJsonInVllmShape() {
            HttpResponse<String> response = client.postJson("/v1/chat/completions", "{\"messages\": [");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").get("message").asText())
                    .startsWith("Failed to parse the request body as JSON: ");
        }
    }
}
