package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hugging Face TGI {@code text_generation}: {@code POST /generate} with a Gemma prompt the hub renders itself.
 * Greedy decoding is {@code do_sample: false} (TGI rejects temperature 0); {@code <end_of_turn>} stops the answer.
 */
class TgiBackend implements ModelBackend {
    private static final String PATH = "/generate";
    private final ModelHttpClient http;
    private final String configuredModel;

    TgiBackend(ModelHttpClient http, String configuredModel) {
        this.http = http;
        this.configuredModel = configuredModel;
    }

    @Override
    public String name() {
        return "tgi";
    }

    @Override
    public ModelReply generate(ModelPrompt prompt) {
        if (prompt.hasImage()) {
            throw new ModelRequestRejectedException("MODEL-CONFIG", 0,
                    "the tgi backend takes text only; use MEDGEMMA_API=openai for image requests");
        }
        JsonNode answer = http.post(PATH, requestBody(prompt));
        JsonNode generation = answer.isArray() ? answer.path(0) : answer;
        JsonNode text = generation.get("generated_text");
        if (text == null || !text.isTextual()) {
            throw new ModelUnavailableException("MODEL-BAD-RESPONSE", 200, "TGI answer has no generated_text", null, false, null);
        }
        boolean truncated = "length".equals(generation.path("details").path("finish_reason").asText());
        return new ModelReply(text.asText(), configuredModel, truncated);
    }

    static ObjectNode requestBody(ModelPrompt prompt) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("inputs", GemmaChatTemplate.render(prompt));
        ObjectNode parameters = body.putObject("parameters");
        parameters.put("max_new_tokens", prompt.maxTokens());
        if (prompt.temperature() > 0) {
            parameters.put("do_sample", true);
            parameters.put("temperature", prompt.temperature());
        } else {
            parameters.put("do_sample", false);
        }
        parameters.putArray("stop").add(GemmaChatTemplate.END_OF_TURN);
        parameters.put("return_full_text", false);
        parameters.put("details", true);
        return body;
    }
}
