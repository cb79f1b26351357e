package org.medgemmahub.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What the model answered for one request.
 *
 * @param requestId      the {@link InferenceRequest#id()} answered
 * @param backend        {@code tgi}, {@code openai}, {@code vertex}
 * @param modelId        the model as the server named it (or as configured)
 * @param promptTemplate prompt template id
 * @param promptVersion  prompt template version
 * @param rawText        the generated text as received
 * @param parsed         the JSON object extracted from the text, or null when it could not be parsed
 * @param parseError     why parsing failed, or null
 * @param truncated      the server stopped at the token limit
 * @param latencyMillis  duration of the successful call
 * @param attempts       calls made for this request, including the successful one
 * @param completedAt    when the answer arrived
 */
public record InferenceResult(
        String requestId,
        String backend,
        String modelId,
        String promptTemplate,
        String promptVersion,
        String rawText,
        JsonNode parsed,
        String parseError,
        boolean truncated,
        long latencyMillis,
        int attempts,
        Instant completedAt) {
}
