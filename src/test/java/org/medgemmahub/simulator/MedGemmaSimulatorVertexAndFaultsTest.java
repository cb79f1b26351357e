package org.medgemmahub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Vertex dialect and the misbehaviours added for the reference table (rows 9, 10, 16, 17, 29-33, 37). */
class MedGemmaSimulatorVertexAndFaultsTest {
    static final String PREDICT = "/v1/projects/demo/locations/europe-west4/endpoints/42:predict";

    private MedGemmaSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral().withApiKey("vertex-token"));
        simulator.start();
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private static String vertexChat(String userText) {
        ObjectNode body = SimulatorClient.JSON.createObjectNode();
        ObjectNode instance = body.putArray("instances").addObject().put("@requestFormat", "chatCompletions");
        instance.set("messages", SimulatorFixtures.chatRequest(userText).get("messages"));
        instance.put("max_tokens", 400).put("temperature", 0);
        return body.toString();
    }

    private HttpResponse<String> predict(String body) {
        return client.postJson(PREDICT, body, "Authorization", "Bearer vertex-token");
    }

    @Test
    void answersChatCompletionsInstancesWithTheCompletionInAPredictionsList() {
        HttpResponse<String> response = predict(vertexChat("Report: right lower lobe consolidation."));

        JsonNode answer = SimulatorClient.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(answer.path("deployedModelId").asText()).isEqualTo("1");
        JsonNode content = answer.path("predictions").get(0).path("choices").get(0).path("message").path("content");
        assertThat(SimulatorClient.json(content.asText()).path("urgency").asText()).isEqualTo("urgent");
    }

    @Test
    void canAnswerWithThePredictionsAsTheCompletionObject() {
        client.control("{\"vertexPredictionsAsList\": false}");

        JsonNode answer = SimulatorClient.json(predict(vertexChat("Report: lungs clear.")));

        assertThat(answer.path("predictions").path("object").asText()).isEqualTo("chat.completion");
    }

    @Test
    void answersPromptInstancesWithTheGeneratedString() {
        JsonNode answer = SimulatorClient.json(predict("{\"instances\": [{\"prompt\": \"Report: small effusion.\", \"max_tokens\": 500}]}"));

        assertThat(answer.path("predictions").get(0).isTextual()).isTrue();
        assertThat(answer.path("predictions").get(0).asText()).contains("pleural effusion");
    }

    @Test
    void refusesAMissingTokenInTheGoogleEnvelope() {
        HttpResponse<String> response = client.postJson(PREDICT, vertexChat("Report: lungs clear."));

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = SimulatorClient.json(response).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(401);
        assertThat(error.path("status").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.path("message").asText()).startsWith("Request had invalid authentication credentials.");
    }

    @Test
    void answersQuotaAndTimeoutFailuresInTheGoogleEnvelope() {
        client.control("{\"failNext\": {\"status\": 429, \"count\": 1}}");
        JsonNode quota = SimulatorClient.json(predict(vertexChat("x"))).path("error");
        client.control("{\"failNext\": {\"status\": 503, \"count\": 1}}");
        JsonNode slow = SimulatorClient.json(predict(vertexChat("x"))).path("error");

        assertThat(quota.path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(slow.path("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(slow.path("message").asText()).startsWith("Took too long to respond when processing");
    }

    @Test
    void servesTheEndpointResourceWithTheDeployedModelOnlyWithAToken() {
        HttpResponse<String> anonymous = client.get("/v1/projects/demo/locations/europe-west4/endpoints/42");
        HttpResponse<String> resource = client.getWithAuthorization("/v1/projects/demo/locations/europe-west4/endpoints/42", "Bearer vertex-token");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(resource.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(resource).path("deployedModels").get(0).path("displayName").asText())
                .isEqualTo(SimulatorSettings.DEFAULT_MODEL_ID);
    }

    @Test
    void sendsAnErrorEventInA200StreamWhenAskedTo() {
        client.control("{\"failNext\": {\"status\": 422, \"count\": 1, \"stream\": true}}");

        HttpResponse<String> response = client.postJson("/generate", SimulatorFixtures.tgiRequest(SimulatorFixtures.gemmaPrompt("x")),
                "Authorization", "Bearer vertex-token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        assertThat(response.body()).startsWith("data:{\"error\":\"Input validation error:").contains("\"error_type\":\"validation\"");
    }

    @Test
    void answersAPausedEndpointWithInvalidState() {
        client.control("{\"paused\": true}");

        HttpResponse<String> response = client.postJson("/generate", SimulatorFixtures.tgiRequest(SimulatorFixtures.gemmaPrompt("x")),
                "Authorization", "Bearer vertex-token");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Bad Request: Invalid state");
    }

    @Test
    void cutsAnswersAtTheLengthLimitWithFinishReasonLength() {
        client.control("{\"lengthLimit\": 4}");

        JsonNode completion = SimulatorClient.json(client.postJson("/v1/chat/completions",
                SimulatorFixtures.chatRequest("Report: lungs clear.").toString(), "Authorization", "Bearer vertex-token"));

        assertThat(completion.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(completion.path("usage").path("completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void holdsACallWithAScaleUpTimeoutUntilWarmAndRefusesOneWithout() {
        client.control("{\"coldStartSeconds\": 1}");

        HttpResponse<String> refused = client.postJson("/generate", SimulatorFixtures.tgiRequest(SimulatorFixtures.gemmaPrompt("x")),
                "Authorization", "Bearer vertex-token");
        HttpResponse<String> held = client.postJson("/generate", SimulatorFixtures.tgiRequest(SimulatorFixtures.gemmaPrompt("x")),
                "Authorization", "Bearer vertex-token", "X-Scale-Up-Timeout", "5");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(held.statusCode()).isEqualTo(200);
    }

    @Test
    void answersAPlainTextPromptInPlainText() {
        JsonNode completion = SimulatorClient.json(client.postJson("/v1/chat/completions",
                SimulatorFixtures.chatRequest("Answer in plain text.\n\nSymptom: Headache").toString(),
                "Authorization", "Bearer vertex-token"));

        assertThat(completion.path("choices").get(0).path("message").path("content").asText())
                .startsWith("Simulated medical context for headache.");
    }

    @Test
    void recordsTheLastRequestWithoutTheToken() {
        predict(vertexChat("Report: lungs clear."));

        JsonNode last = SimulatorClient.json(client.get("/control/last-request"));

        assertThat(last.path("path").asText()).isEqualTo(PREDICT);
        assertThat(last.path("bearer").asBoolean()).isTrue();
        assertThat(last.toString()).doesNotContain("vertex-token");
        assertThat(last.path("body").path("instances").get(0).path("@requestFormat").asText()).isEqualTo("chatCompletions");
    }
}
