package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** The OpenAI-compatible routes, answered as vLLM does: {@code POST /v1/chat/completions}, {@code GET /v1/models}. */
final class OpenAiHandler {
    private final SimulatorControl control;
    private final GenerationGate gate;
    private final String modelId;
    private final long startedEpochSecond = Instant.now().getEpochSecond();

    OpenAiHandler(SimulatorControl control, GenerationGate gate, String modelId) {
        this.control = control;
        this.gate = gate;
        this.modelId = modelId;
    }

    Reply chatCompletions(SimulatorExchange exchange) {
        return gate.serve(exchange, ApiDialect.OPENAI, this::complete);
    }

    Reply models(SimulatorExchange exchange) {
        if (control.loading())
            return ApiDialect.OPENAI.render(RejectedRequest.loading());
        ObjectNode models = SimulatorJson.object().put("object", "list");
        models.putArray("data").addObject()
                .put("id", modelId)
                .put("object", "model")
                .put("created", startedEpochSecond)
                .put("owned_by", "medgemma-simulator")
                .put("root", modelId)
                .putNull("parent")
                .put("max_model_len", TgiHandler.MAX_TOTAL_TOKENS);
        return Reply.json(200, models);
    }

    private Reply complete(JsonNode body, SimulatorBehaviour behaviour) throws RejectedRequest {
        return Reply.json(200, completion(body, behaviour));
    }

    /** The vLLM {@code chat.completion} for an OpenAI chat body; Vertex chatCompletions instances use it too. */
    ObjectNode completion(JsonNode body, SimulatorBehaviour behaviour) throws RejectedRequest {
        if (!body.isObject())
            throw RejectedRequest.badRequest("the request body must be a JSON object");
        String requested = body.path("model").asText("");
        if (behaviour.strictModel() && !requested.isBlank() && !requested.equals(modelId))
            throw RejectedRequest.apiError(404, "NotFoundError", "The model `" + requested + "` does not exist.");
        Integer maxTokens = maxTokens(body);
        ChatPrompt prompt = ChatPrompt.parse(body.get("messages"), behaviour.maxImages());
        SimulatedAnswer generated = SimulatedAnswer.answer(prompt.userText(), prompt.imageSizes(), behaviour, maxTokens);

        String model = body.path("model").asText("");
        ObjectNode completion = SimulatorJson.object()
                .put("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""))
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", model.isBlank() ? modelId : model);
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", generated.text())
                .putNull("refusal");
        choice.putNull("logprobs")
                .put("finish_reason", generated.cutAtLimit() ? "length" : "stop")
                .putNull("stop_reason");
        completion.putNull("system_fingerprint");
        completion.putObject("usage")
                .put("prompt_tokens", prompt.tokens())
                .put("completion_tokens", generated.tokens())
                .put("total_tokens", prompt.tokens() + generated.tokens());
        return completion;
    }

    /** {@code max_completion_tokens} wins over the deprecated {@code max_tokens}, as in vLLM. */
    private static Integer maxTokens(JsonNode body) throws RejectedRequest {
        for (String field : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode value = body.path(field);
            if (value.isMissingNode() || value.isNull())
                continue;
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1)
                throw RejectedRequest.badRequest("`" + field + "` must be an integer of at least 1");
            return value.asInt();
        }
        return null;
    }
}
