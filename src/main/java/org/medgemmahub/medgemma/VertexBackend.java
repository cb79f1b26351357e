package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;

/**
 * Vertex AI online prediction: {@code POST <endpoint resource>:predict} with
 * {@code {"instances":[{"@requestFormat":"chatCompletions", messages, max_tokens, temperature}]}} and an OAuth2
 * bearer token. The answer is unwrapped from {@code predictions}, which may be the chat completion itself, a list
 * holding it, or a list holding the generated string. A 401 (expired token) refreshes the token and tries once more;
 * a 503 "Took too long to respond" (the shared endpoint's 60 s limit) is tried once more with half the max_tokens.
 */
class VertexBackend implements ModelBackend {
    static final String PREDICT = ":predict";
    static final String TOOK_TOO_LONG = "Took too long to respond";

    private final ModelHttpClient http;
    private final URI predictUri;
    private final String label;
    private final String model;
    private final VertexTokenSource tokens;

    VertexBackend(ModelHttpClient http, MedGemmaProperties properties, VertexTokenSource tokens) {
        this.http = http;
        String endpoint = properties.baseUrl().toString().replaceAll("/+$", "");
        this.predictUri = URI.create(endpoint + PREDICT);
        this.label = predictUri.getPath();
        this.model = properties.model();
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "vertex";
    }

    @Override
    public ModelReply generate(ModelPrompt prompt) {
        try {
            return generateOnce(prompt);
        } catch (ModelUnavailableException e) {
            // Vertex's 60 s limit on shared endpoints: Google's advice is a smaller max_tokens, tried once at once
            if (e.status() != 503 || !e.getMessage().contains(TOOK_TOO_LONG) || prompt.maxTokens() < 2) throw e;
            return generateOnce(new ModelPrompt(prompt.system(), prompt.user(), prompt.imageJpegBase64(),
                    prompt.maxTokens() / 2, prompt.temperature()));
        }
    }

    private ModelReply generateOnce(ModelPrompt prompt) {
        ObjectNode body = requestBody(prompt);
        JsonNode answer;
        try {
            answer = http.postTo(predictUri, label, body, tokens.current(), Map.of(), http.timeout());
        } catch (ModelRequestRejectedException e) {
            if (e.status() != 401 || !tokens.refresh()) throw e;
            try {
                answer = http.postTo(predictUri, label, body, tokens.current(), Map.of(), http.timeout());
            } catch (ModelRequestRejectedException again) {
                if (again.status() != 401) throw again;
                throw new ModelRequestRejectedException(again.code(), 401, again.getMessage().substring(again.code().length() + 2)
                        + " (still refused after refreshing the Vertex token)");
            }
        }
        return unwrap(answer);
    }

    ObjectNode requestBody(ModelPrompt prompt) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode instance = body.putArray("instances").addObject();
        instance.put("@requestFormat", "chatCompletions");
        instance.set("messages", ChatMessages.of(prompt));
        instance.put("max_tokens", prompt.maxTokens());
        instance.put("temperature", prompt.temperature());
        return body;
    }

    private ModelReply unwrap(JsonNode answer) {
        JsonNode prediction = answer.path("predictions");
        if (prediction.isArray()) prediction = prediction.path(0);
        if (prediction.isTextual()) return new ModelReply(prediction.asText(), model, false);
        if (prediction.isObject()) return ChatMessages.reply(prediction, model, label);
        throw new ModelUnavailableException("MODEL-BAD-RESPONSE", 200, label + ": answer has no predictions", null, false, null);
    }
}
