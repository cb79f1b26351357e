package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * Vertex AI online prediction for a Model Garden MedGemma endpoint:
 * {@code POST /v1/projects/P/locations/R/endpoints/E:predict} with chatCompletions instances (answered with the
 * chat completion as {@code predictions}, object or one-element list) or prompt instances (answered with the string),
 * and {@code GET /v1/projects/P/locations/R/endpoints/E} (the endpoint resource). Errors in the Google envelope.
 */
final class VertexHandler {
    static final Pattern ENDPOINT = Pattern.compile("/v1/projects/[^/:]+/locations/[^/:]+/endpoints/[^/:]+");
    static final String PREDICT = ":predict";

    private final SimulatorControl control;
    private final GenerationGate gate;
    private final OpenAiHandler chat;
    private final String modelId;

    VertexHandler(SimulatorControl control, GenerationGate gate, OpenAiHandler chat, String modelId) {
        this.control = control;
        this.gate = gate;
        this.chat = chat;
        this.modelId = modelId;
    }

    static boolean isPredict(String path) {
        return path.endsWith(PREDICT) && ENDPOINT.matcher(path.substring(0, path.length() - PREDICT.length())).matches();
    }

    static boolean isEndpoint(String path) {
        return ENDPOINT.matcher(path).matches();
    }

    Reply predict(SimulatorExchange exchange) {
        return gate.serve(exchange, ApiDialect.VERTEX, this::answer);
    }

    Reply endpoint(SimulatorExchange exchange) {
        if (!gate.authorized(exchange))
            return ApiDialect.VERTEX.unauthorized();
        ObjectNode endpoint = SimulatorJson.object()
                .put("name", exchange.path().substring(1))
                .put("displayName", "medgemma-simulator-endpoint");
        endpoint.putArray("deployedModels").addObject()
                .put("id", "1")
                .put("model", "projects/simulated/locations/simulated/models/medgemma")
                .put("displayName", modelId);
        return Reply.json(200, endpoint);
    }

    private Reply answer(JsonNode body, SimulatorBehaviour behaviour) throws RejectedRequest {
        JsonNode instances = body.path("instances");
        if (!instances.isArray() || instances.size() != 1)
            throw RejectedRequest.apiError(400, "INVALID_ARGUMENT", "`instances` must hold exactly one instance");
        JsonNode instance = instances.get(0);
        ObjectNode envelope = SimulatorJson.object();
        if ("chatCompletions".equals(instance.path("@requestFormat").asText())) {
            ObjectNode completion = chat.completion(instance, behaviour);
            if (behaviour.vertexPredictionsAsList())
                envelope.putArray("predictions").add(completion);
            else
                envelope.set("predictions", completion);
        } else if (instance.path("prompt").isTextual()) {
            Integer maxTokens = instance.path("max_tokens").isInt() ? instance.get("max_tokens").asInt() : null;
            String text = SimulatedAnswer.answer(instance.get("prompt").asText(), java.util.List.of(), behaviour, maxTokens).text();
            ArrayNode predictions = envelope.putArray("predictions");
            predictions.add(text);
        } else {
            throw RejectedRequest.apiError(400, "INVALID_ARGUMENT",
                    "instance needs \"@requestFormat\": \"chatCompletions\" with messages, or a prompt");
        }
        return Reply.json(200, envelope
                .put("deployedModelId", "1")
                .put("model", "projects/simulated/locations/simulated/models/medgemma")
                .put("modelDisplayName", modelId)
                .put("modelVersionId", "1"));
    }
}
