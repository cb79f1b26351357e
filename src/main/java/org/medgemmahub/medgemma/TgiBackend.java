package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;

/**
 * Hugging Face TGI {@code text_generation}: {@code POST /} (TGI router and the HF default container, array answer)
 * or {@code POST /generate} (TGI router, object answer) with a Gemma prompt the hub renders itself.
 * Greedy decoding is {@code do_sample: false} (TGI rejects temperature 0 and top_p 1.0); {@code <end_of_turn>}
 * stops the answer. {@code X-Scale-Up-Timeout} asks a scaled-to-zero HF endpoint to hold the call while it wakes.
 * Images only when the server runs a vision model ({@code medgemma.tgi-images}): inline Markdown data URIs.
 */
class TgiBackend implements ModelBackend {
    static final String SCALE_UP_HEADER = "X-Scale-Up-Timeout";

    private final ModelHttpClient http;
    private final String configuredModel;
    private final String route;
    private final boolean images;
    private final Duration scaleUpTimeout;

    TgiBackend(ModelHttpClient http, MedGemmaProperties properties) {
        this.http = http;
        this.configuredModel = properties.model();
        this.route = properties.tgiRoute();
        this.images = properties.tgiImages();
        this.scaleUpTimeout = properties.scaleUpTimeout();
    }

    @Override
    public String name() {
        return "tgi";
    }

    @Override
    public ModelReply generate(ModelPrompt prompt) {
        if (prompt.hasImage() && !images) {
            throw new ModelRequestRejectedException("MODEL-CONFIG", 0, "image task on the tgi backend, which is set up "
                    + "for text only: set MEDGEMMA_TGI_IMAGES=true if the TGI server runs a vision model, or use MEDGEMMA_API=openai");
        }
        Map<String, String> headers = scaleUpTimeout.isZero()
                ? Map.of() : Map.of(SCALE_UP_HEADER, String.valueOf(scaleUpTimeout.toSeconds()));
        // the endpoint may hold the call for the scale-up time before it starts generating
        JsonNode answer = http.post(route, requestBody(prompt), headers, http.timeout().plus(scaleUpTimeout));
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
