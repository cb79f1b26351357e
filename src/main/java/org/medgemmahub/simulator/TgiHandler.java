package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** TGI's native routes: {@code POST /generate}, {@code POST /}, {@code GET /health}, {@code GET /info}. */
final class TgiHandler {
    static final int MAX_TOTAL_TOKENS = 8192;

    private final SimulatorControl control;
    private final GenerationGate gate;
    private final String modelId;

    TgiHandler(SimulatorControl control, GenerationGate gate, String modelId) {
        this.control = control;
        this.gate = gate;
        this.modelId = modelId;
    }

    Reply generate(SimulatorExchange exchange) {
        return gate.serve(exchange, ApiDialect.TGI, (body, behaviour) -> answer(body, behaviour, false));
    }

    /** The compat route answers the same object, wrapped in an array. */
    Reply generateCompat(SimulatorExchange exchange) {
        return gate.serve(exchange, ApiDialect.TGI, (body, behaviour) -> {
            if (body.path("stream").asBoolean(false))
                throw RejectedRequest.tgiValidation("the simulator does not stream; send \"stream\": false");
            return answer(body, behaviour, true);
        });
    }

    Reply health(SimulatorExchange exchange) {
        if (control.loading())
            return ApiDialect.TGI.render(RejectedRequest.loading());
        if (!control.behaviour().healthy())
            return Reply.json(503, SimulatorJson.object().put("error", "unhealthy").put("error_type", "healthcheck"));
        return Reply.empty(200);
    }

    Reply info(SimulatorExchange exchange) {
        if (control.loading())
            return ApiDialect.TGI.render(RejectedRequest.loading());
        ObjectNode info = SimulatorJson.object()
                .put("model_id", modelId)
                .put("model_sha", "simulated")
                .put("model_pipeline_tag", "image-text-to-text")
                .put("max_concurrent_requests", 128)
                .put("max_best_of", 2)
                .put("max_stop_sequences", 4)
                .put("max_input_tokens", MAX_TOTAL_TOKENS - 1)
                .put("max_total_tokens", MAX_TOTAL_TOKENS)
                .put("validation_workers", 2)
                .put("max_client_batch_size", 4)
                .put("router", "text-generation-router")
                .put("version", "3.3.6")
                .putNull("sha")
                .put("docker_label", "medgemma-simulator");
        return Reply.json(200, info);
    }

    private Reply answer(JsonNode body, SimulatorBehaviour behaviour, boolean asArray) throws RejectedRequest {
        TgiParameters parameters = TgiParameters.read(body);
        TgiPrompt prompt = TgiPrompt.parse(parameters.inputs());
        if (parameters.maxNewTokens() != null && prompt.tokens() + parameters.maxNewTokens() > MAX_TOTAL_TOKENS)
            throw RejectedRequest.tgiValidation("`inputs` tokens + `max_new_tokens` must be <= " + MAX_TOTAL_TOKENS
                    + ". Given: " + prompt.tokens() + " `inputs` tokens and " + parameters.maxNewTokens()
                    + " `max_new_tokens`");
        SimulatedAnswer generated = SimulatedAnswer.answer(prompt.userText(), prompt.imageSizes(), behaviour,
                parameters.maxNewTokens());
        ObjectNode answer = SimulatorJson.object().put("generated_text", generated.text());
        if (parameters.details()) {
            ObjectNode details = answer.putObject("details")
                    .put("finish_reason", generated.cutAtLimit() ? "length" : "eos_token")
                    .put("generated_tokens", generated.tokens());
            if (parameters.seed() == null)
                details.putNull("seed");
            else
                details.put("seed", parameters.seed());
            details.putArray("prefill");
            details.putArray("tokens");
        }
        return Reply.json(200, asArray ? SimulatorJson.array().add(answer) : answer)
                .withHeader("x-compute-type", "simulator")
                .withHeader("x-prompt-tokens", String.valueOf(prompt.tokens()))
                .withHeader("x-generated-tokens", String.valueOf(generated.tokens()));
    }
}
