package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI-compatible {@code /v1/chat/completions} (vLLM, TGI Messages API, LocalAI, llama.cpp, the simulator).
 * The system text is folded into the single user turn; an image goes first, as an {@code image_url} data URI;
 * {@code finish_reason: length} marks the answer truncated.
 */
class OpenAiBackend implements ModelBackend {
    static final String PATH = "/v1/chat/completions";
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
        return ChatMessages.reply(http.post(PATH, requestBody(prompt)), model, PATH);
    }

    ObjectNode requestBody(ModelPrompt prompt) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", model);
        body.set("messages", ChatMessages.of(prompt));
        body.put("max_tokens", prompt.maxTokens());
        body.put("temperature", prompt.temperature());
        return body;
    }
}
