package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI-compatible {@code /v1/chat/completions} (vLLM, TGI Messages API, LocalAI, llama.cpp, the simulator).
 * The system text is folded into the single user turn; an image goes first, as an {@code image_url} data URI.
 */
class OpenAiBackend implements ModelBackend {
    private static final String PATH = "/v1/chat/completions";
    private final ModelHttpClient http;
    private final String model;

    OpenAiBackend(ModelHttpClient http, String model) {
        this.http = http;
        this.model = model;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public ModelReply generate(ModelPrompt prompt) {
        JsonNode answer = http.post(PATH, requestBody(prompt));
        JsonNode choice = answer.path("choices").path(0);
        JsonNode content = choice.path("message").get("content");
        if (content == null || !content.isTextual()) {
            throw new ModelUnavailableException("MODEL-BAD-RESPONSE", 200, "chat completion has no message content", null, false, null);
        }
        String reportedModel = answer.path("model").asText("");
        return new ModelReply(content.asText(), reportedModel.isBlank() ? model : reportedModel,
                "length".equals(choice.path("finish_reason").asText()));
    }

    ObjectNode requestBody(ModelPrompt prompt) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", model);
        ObjectNode user = body.putArray("messages").addObject();
        user.put("role", "user");
        ArrayNode content = user.putArray("content");
        if (prompt.hasImage()) {
            content.addObject().put("type", "image_url")
                    .putObject("image_url").put("url", "data:image/jpeg;base64," + prompt.imageJpegBase64());
        }
        content.addObject().put("type", "text").put("text", prompt.foldedUserText());
        body.put("max_tokens", prompt.maxTokens());
        body.put("temperature", prompt.temperature());
        return body;
    }
}
