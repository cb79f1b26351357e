package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a failed HTTP answer from any MedGemma server into a retryable or a fail-fast exception, reading the
 * body shapes of TGI ({@code {error, error_type}}), vLLM/llama.cpp/Google ({@code {error:{message}}}),
 * old vLLM ({@code {object:"error", message}}) and plain text. Messages are cut short: a server may echo input.
 */
final class ModelErrorClassifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 200;

    private ModelErrorClassifier() {
    }

    static RuntimeException classify(int status, String body, Optional<String> retryAfterHeader, String path) {
        String detail = "HTTP " + status + " from " + path + describe(body);
        String code = "MODEL-" + status;
        return switch (status) {
            case 429 -> new ModelUnavailableException(code, status, detail, retryAfter(retryAfterHeader), false, null);
            case 502, 503 -> new ModelUnavailableException(code, status, detail, retryAfter(retryAfterHeader), true, null);
            case 500, 504, 424, 408 -> new ModelUnavailableException(code, status, detail, retryAfter(retryAfterHeader), false, null);
            case 400 -> body != null && body.contains("Invalid state")
                    ? new ModelRequestRejectedException("MODEL-PAUSED", status, detail + " (the endpoint is paused; resume it)")
                    : new ModelRequestRejectedException(code, status, detail);
            case 401, 403 -> new ModelRequestRejectedException(code, status,
                    detail + " (check HF_TOKEN / medgemma.token / MEDGEMMA_VERTEX_TOKEN)");
            case 404 -> new ModelRequestRejectedException(code, status,
                    detail + " (no such route or model: check MEDGEMMA_API, MEDGEMMA_BASE_URL and MEDGEMMA_MODEL)");
            case 413 -> new ModelRequestRejectedException(code, status, detail + " (request larger than the server accepts)");
            case 415 -> new ModelRequestRejectedException(code, status, detail + " (server refused the content type)");
            case 501 -> new ModelRequestRejectedException(code, status, detail + " (feature not implemented by the server)");
            default -> status >= 500
                    ? new ModelUnavailableException(code, status, detail, retryAfter(retryAfterHeader), false, null)
                    : new ModelRequestRejectedException(code, status, detail);
        };
    }

    /** The server's own error message, short and on one line, or nothing. */
    static String describe(String body) {
        if (body == null || body.isBlank()) return "";
        String message = body.strip();
        try {
            JsonNode node = JSON.readTree(message);
            JsonNode error = node.path("error");
            if (error.isTextual()) {
                message = error.asText() + (node.hasNonNull("error_type") ? " [" + node.get("error_type").asText() + "]" : "");
            } else if (error.isObject() && error.hasNonNull("message")) {
                // vLLM >= 0.10.1 and llama.cpp {message, type}; Google {code, message, status}
                String kind = error.hasNonNull("status") ? error.get("status").asText()
                        : error.hasNonNull("type") ? error.get("type").asText() : null;
                message = error.get("message").asText() + (kind == null ? "" : " [" + kind + "]");
            } else if (node.hasNonNull("message")) {
                message = node.get("message").asText();
            }
        } catch (java.io.IOException notJson) {
            // plain-text body (axum rejections, proxies): keep as it is
        }
        message = message.replaceAll("\\s+", " ");
        return ": " + (message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "..." : message);
    }

    private static Duration retryAfter(Optional<String> header) {
        return header.map(String::strip).filter(v -> v.matches("\\d{1,6}")).map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }
}
