package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Server-sent events answered with HTTP 200 can still carry an error (TGI validates inside the stream):
 * {@code data:{"error":"…","error_type":"validation"}} or {@code data:{"error":{"message":"…","http_status_code":422}}}.
 * Such an answer counts as the matching HTTP error.
 */
final class StreamErrorEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamErrorEvents() {
    }

    /** The error the first error event stands for, or empty when the body is no event stream or carries none. */
    static Optional<RuntimeException> find(String body, String label) {
        if (body == null || !body.stripLeading().startsWith("data:")) return Optional.empty();
        for (String line : body.split("\\r?\\n")) {
            if (!line.startsWith("data:")) continue;
            String data = line.substring(5).strip();
            if (data.isEmpty() || data.equals("[DONE]")) continue;
            JsonNode event;
            try {
                event = JSON.readTree(data);
            } catch (IOException notJson) {
                continue;
            }
            JsonNode error = event.path("error");
            if (error.isMissingNode() || error.isNull()) continue;
            int status = statusOf(event, error);
            return Optional.of(ModelErrorClassifier.classify(status, data, Optional.empty(), label + " (error event in a 200 stream)"));
        }
        return Optional.of(new ModelUnavailableException("MODEL-BAD-RESPONSE", 200,
                "answer from " + label + " is an event stream without a result", null, false, null));
    }

    static int statusOf(JsonNode event, JsonNode error) {
        if (error.path("http_status_code").isInt()) return error.get("http_status_code").asInt();
        if (error.path("code").isInt()) return error.get("code").asInt();
        return switch (event.path("error_type").asText("")) {
            case "validation", "template_error", "tool_error", "missing_template_variable" -> 422;
            case "overloaded" -> 429;
            case "generation" -> 424;
            default -> 500;
        };
    }
}
