package org.medgemmahub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medgemmahub.simulator.SimulatorClient.json;
import static org.medgemmahub.simulator.SimulatorFixtures.CONSOLIDATION_REPORT;
import static org.medgemmahub.simulator.SimulatorFixtures.PNEUMOTHORAX_REPORT;
import static org.medgemmahub.simulator.SimulatorFixtures.TINY_JPEG;
import static org.medgemmahub.simulator.SimulatorFixtures.gemmaPrompt;
import static org.medgemmahub.simulator.SimulatorFixtures.gemmaPromptWithImage;
import static org.medgemmahub.simulator.SimulatorFixtures.tgiRequest;
import static org.medgemmahub.simulator.SimulatorFixtures.tgiRequestWithParameter;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MedGemmaSimulatorTgiTest {
    private MedGemmaSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral().withModelId("google/medgemma-4b-it"));
        simulator.start();
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void answersObjectWithDetailsOnGenerateRoute() {
        HttpResponse<String> response = client.postJson("/generate", tgiRequest(gemmaPrompt(CONSOLIDATION_REPORT)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-MedGemma-Simulator")).hasValue("true");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.isObject()).isTrue();
        JsonNode answer = json(body.get("generated_text").asText());
        assertThat(answer.get("findings").get(0).asText()).contains("consolidation");
        assertThat(answer.get("urgency").asText()).isEqualTo("urgent");
        assertThat(answer.get("simulated").asBoolean()).isTrue();
        JsonNode details = body.get("details");
        assertThat(details.get("finish_reason").asText()).isEqualTo("eos_token");
        assertThat(details.get("seed").asLong()).isEqualTo(42);
        assertThat(response.headers().firstValue("x-generated-tokens"))
                .hasValue(details.get("generated_tokens").asText());
    }

    @Test
    void answersWithTheHubsFieldsInOrder() {
        JsonNode answer = generatedAnswer(client.postJson("/generate", tgiRequest(gemmaPrompt(CONSOLIDATION_REPORT))));

        assertThat(answer.fieldNames()).toIterable()
                .containsExactly("impression", "findings", "urgency", "recommendation", "simulated");
    }

    @Test
    void omitsDetailsUnlessAsked() {
        String request = "{\"inputs\": " + SimulatorClient.JSON.valueToTree(gemmaPrompt(CONSOLIDATION_REPORT)) + "}";

        JsonNode body = json(client.postJson("/generate", request));

        assertThat(body.fieldNames()).toIterable().containsExactly("generated_text");
    }

    @Test
    void answersArrayOnRootRoute() {
        HttpResponse<String> response = client.postJson("/", tgiRequest(gemmaPrompt(CONSOLIDATION_REPORT)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(1);
        assertThat(body.get(0).get("generated_text").asText()).contains("\"simulated\":true");
    }

    @Test
    void answersSamePromptWithSameText() {
        String request = tgiRequest(gemmaPrompt(PNEUMOTHORAX_REPORT));

        String first = json(client.postJson("/generate", request)).get("generated_text").asText();
        String second = json(client.postJson("/", request)).get(0).get("generated_text").asText();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void readsFindingsFromTheLastUserTurnOnly() {
        String conversation = "<start_of_turn>user\n" + PNEUMOTHORAX_REPORT + "<end_of_turn>\n"
                + "<start_of_turn>model\n{}<end_of_turn>\n"
                + "<start_of_turn>user\nNo acute abnormality. Unremarkable study.<end_of_turn>\n<start_of_turn>model\n";

        JsonNode answer = generatedAnswer(client.postJson("/generate", tgiRequest(conversation)));

        assertThat(answer.get("urgency").asText()).isEqualTo("routine");
        assertThat(answer.get("findings")).extracting(JsonNode::asText).containsExactly("No acute findings.");
    }

    @Test
    void reportsDecodedSizeOfInlineImage() {
        JsonNode answer = generatedAnswer(
                client.postJson("/generate", tgiRequest(gemmaPromptWithImage("Describe this X-ray."))));

        assertThat(answer.get("impression").asText())
                .endsWith("An image was received (" + TINY_JPEG.length + " bytes decoded).");
    }

    @Test
    void cutsAnswerAtMaxNewTokensWithLengthReason() {
        JsonNode body = json(client.postJson("/generate", tgiRequest(gemmaPrompt(CONSOLIDATION_REPORT), 5)));

        assertThat(body.get("generated_text").asText().split("\\s+")).hasSize(5);
        assertThat(body.get("details").get("finish_reason").asText()).isEqualTo("length");
        assertThat(body.get("details").get("generated_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void reportsHealthyWithEmptyBody() {
        HttpResponse<String> health = client.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEmpty();
        assertThat(client.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void describesConfiguredModelOnInfo() {
        HttpResponse<String> response = client.get("/info");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = json(response);
        assertThat(info.get("model_id").asText()).isEqualTo("google/medgemma-4b-it");
        assertThat(info.get("model_pipeline_tag").asText()).isEqualTo("image-text-to-text");
        assertThat(info.get("max_total_tokens").asInt()).isEqualTo(8192);
        assertThat(info.get("max_input_tokens").asInt()).isEqualTo(8191);
        assertThat(info.get("router").asText()).isEqualTo("text-generation-router");
    }

    private static JsonNode generatedAnswer(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return json(json(response).get("generated_text").asText());
    }

    @Nested
    class Rejections {
        @Test
        void rejectsZeroTemperatureAsValidationError() {
            HttpResponse<String> response = client.postJson("/generate", tgiRequestWithParameter("temperature", 0));

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.headers().firstValue("X-MedGemma-Simulator")).hasValue("true");
            assertThat(json(response)).isEqualTo(json("{\"error\":\"Input validation error: `temperature` must be "
                    + "strictly positive\",\"error_type\":\"validation\"}"));
        }

        @ParameterizedTest
        @ValueSource(doubles = {1.0, 0.0, 1.5, -0.1})
        void rejectsTopPOutsideOpenUnitInterval(double topP) {
            HttpResponse<String> response = client.postJson("/generate", tgiRequestWithParameter("top_p", topP));

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(json(response).get("error_type").asText()).isEqualTo("validation");
            assertThat(json(response).get("error").asText()).startsWith("Input validation error: `top_p`");
        }

        @Test
        void acceptsTopPJustBelowOne() {
            assertThat(client.postJson("/generate", tgiRequestWithParameter("top_p", 0.95)).statusCode()).isEqualTo(200);
        }

        @Test
        void rejectsBlankInputsAsValidationError() {
            HttpResponse<String> response = client.postJson("/generate", "{\"inputs\": \"  \"}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(json(response)).isEqualTo(json(
                    "{\"error\":\"Input validation error: `inputs` cannot be empty\",\"error_type\":\"validation\"}"));
        }

        @Test
        void rejectsMissingInputsWithPlainText() {
            HttpResponse<String> response = client.postJson("/generate", "{\"parameters\": {}}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(response.body()).isEqualTo(
                    "Failed to deserialize the JSON body into the target type: missing field `inputs`");
        }

        @Test
        void rejectsPromptStartingWithBos() {
            HttpResponse<String> response = client.postJson("/generate",
                    tgiRequest("<bos>" + gemmaPrompt(CONSOLIDATION_REPORT)));

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(json(response)).isEqualTo(SimulatorClient.JSON.createObjectNode()
                    .put("error", TgiPrompt.TEMPLATE_ERROR).put("error_type", "template_error"));
            assertThat(TgiPrompt.TEMPLATE_ERROR).startsWith(
                    "Template error: simulator expects a Gemma 3 chat prompt without <bos>");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Describe this chest X-ray.",
                "<start_of_turn>user\nDescribe this chest X-ray.<end_of_turn>\n",
                "<start_of_turn>user\nDescribe this chest X-ray.<end_of_turn>\n<start_of_turn>model\nSure",
                "<start_of_turn>system\nBe brief.<end_of_turn>\n<start_of_turn>model\n"})
        void rejectsPromptOutsideTheGemmaTemplate(String inputs) {
            HttpResponse<String> response = client.postJson("/generate", tgiRequest(inputs));

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(json(response).get("error_type").asText()).isEqualTo("template_error");
        }

        @Test
        void rejectsMalformedJsonWithPlainText400() {
            HttpResponse<String> response = client.postJson("/generate", "{\"inputs\": ");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(response.body()).startsWith("Failed to parse the request body as JSON: ");
        }

        @Test
        void rejectsRequestWithoutJsonContentType() {
            HttpResponse<String> response = client.postRaw("/generate", tgiRequest(gemmaPrompt(CONSOLIDATION_REPORT)));

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.body()).isEqualTo("Expected request with `Content-Type: application/json`");
        }

        @Test
        void rejectsInlineImageThatIsNotBase64() {
            String prompt = gemmaPrompt("![](data:image/jpeg;base64,not*base64)Describe this X-ray.");

            HttpResponse<String> response = client.postJson("/generate", tgiRequest(prompt));

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(json(response)).isEqualTo(json("{\"error\":\"Input validation error: invalid image content: "
                    + "image data is not valid base64\",\"error_type\":\"validation\"}"));
        }

        @Test
        void rejectsPromptThatLeavesNoRoomForNewTokens() {
            HttpResponse<String> response = client.postJson("/generate",
                    tgiRequest(gemmaPrompt(CONSOLIDATION_REPORT), 8190));

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(json(response).get("error").asText())
                    .startsWith("Input validation error: `inputs` tokens + `max_new_tokens` must be <= 8192. Given: ")
                    .endsWith("`inputs` tokens and 8190 `max_new_tokens`");
        }

        @Test
        void answersUnknownPathWith404AndWrongMethodWith405() {
            HttpResponse<String> unknown = client.get("/generate_stream");
            HttpResponse<String> wrongMethod = client.get("/generate");

            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEmpty();
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
        }
    }
}
