package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The next {@code count} generation calls fail with {@code status}, in the body shape the imitated server uses.
 *
 * @param retryAfterSeconds sent as {@code Retry-After} when not null (real TGI never sends it; proxies and gateways do)
 * @param stream            answer HTTP 200 with an event stream whose one event is the error, as TGI does when the
 *                          failure happens after the stream opened
 */
public record InjectedFailure(int status, int count, Integer retryAfterSeconds, boolean stream) {
    public InjectedFailure {
        if (status < 400 || status > 599)
            throw new IllegalArgumentException("failNext.status must be an HTTP error status (400 to 599), got " + status);
        if (count < 1)
            throw new IllegalArgumentException("failNext.count must be at least 1, got " + count);
        if (retryAfterSeconds != null && retryAfterSeconds < 0)
            throw new IllegalArgumentException("failNext.retryAfterSeconds must not be negative");
    }

    public InjectedFailure(int status, int count, Integer retryAfterSeconds) {
        this(status, count, retryAfterSeconds, false);
    }

    public static InjectedFailure once(int status) {
        return new InjectedFailure(status, 1, null);
    }

    /** The same failure with one call fewer left, or null when this was the last one. */
    InjectedFailure consumeOne() {
        return count == 1 ? null : new InjectedFailure(status, count - 1, retryAfterSeconds, stream);
    }

    /** HTTP 200, {@code text/event-stream}, one error event (then {@code [DONE]} on the chat route), as TGI streams fail. */
    Reply asStreamEvent(ApiDialect dialect) {
        String event;
        if (dialect == ApiDialect.OPENAI) {
            ObjectNode error = SimulatorJson.object();
            error.putObject("error").put("message", tgiMessage()).put("http_status_code", status);
            event = "data:" + SimulatorJson.text(error) + "\n\ndata:[DONE]\n\n";
        } else {
            event = "data:" + SimulatorJson.text(SimulatorJson.object().put("error", tgiMessage())
                    .put("error_type", tgiErrorType())) + "\n\n";
        }
        return new Reply(200, "text/event-stream", event.getBytes(StandardCharsets.UTF_8), Map.of("X-Accel-Buffering", "no"));
    }

    RejectedRequest toRejection(ApiDialect dialect) {
        RejectedRequest rejection = switch (status) {
            case 401 -> RejectedRequest.unauthorized();
            case 404 -> switch (dialect) {
                case TGI -> RejectedRequest.empty(404);
                case OPENAI -> RejectedRequest.apiError(404, "NotFoundError", "simulated failure: Not Found");
                case VERTEX -> RejectedRequest.apiError(404, "NOT_FOUND", "The Endpoint does not exist (simulated).");
            };
            default -> switch (dialect) {
                case TGI -> RejectedRequest.apiError(status, tgiErrorType(), tgiMessage());
                case OPENAI -> RejectedRequest.apiError(status, openAiErrorType(), "simulated failure: " + reasonPhrase());
                case VERTEX -> RejectedRequest.apiError(status, googleStatus(), googleMessage());
            };
        };
        return retryAfterSeconds == null ? rejection : rejection.withRetryAfter(retryAfterSeconds);
    }

    private String tgiErrorType() {
        return switch (status) {
            case 422 -> "validation";
            case 424 -> "generation";
            case 429 -> "overloaded";
            case 500 -> "incomplete_generation";
            default -> reasonPhrase().toLowerCase().replace(' ', '_');
        };
    }

    private String tgiMessage() {
        return switch (status) {
            case 422 -> "Input validation error: simulated validation failure";
            case 424 -> "Request failed during generation: simulated failure";
            case 429 -> "Model is overloaded";
            case 500 -> "Incomplete generation";
            default -> reasonPhrase() + ": simulated failure";
        };
    }

    private String googleStatus() {
        return switch (status) {
            case 400, 413, 422 -> "INVALID_ARGUMENT";
            case 403 -> "PERMISSION_DENIED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 501 -> "UNIMPLEMENTED";
            case 502, 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status < 500 ? "FAILED_PRECONDITION" : "INTERNAL";
        };
    }

    private String googleMessage() {
        return switch (status) {
            case 429 -> "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model (simulated).";
            case 503 -> "Took too long to respond when processing (simulated).";
            default -> reasonPhrase() + ": simulated failure";
        };
    }

    private String openAiErrorType() {
        String name = reasonPhrase().replace(" ", "");
        return name.endsWith("Error") ? name : name + "Error";
    }

    private String reasonPhrase() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 424 -> "Failed Dependency";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }
}
