package org.medgemmahub.simulator;

/**
 * The next {@code count} generation calls fail with {@code status}, in the body shape the imitated server uses.
 *
 * @param retryAfterSeconds sent as {@code Retry-After} when not null (real TGI never sends it; proxies and gateways do)
 */
public record InjectedFailure(int status, int count, Integer retryAfterSeconds) {
    public InjectedFailure {
        if (status < 400 || status > 599)
            throw new IllegalArgumentException("failNext.status must be an HTTP error status (400 to 599), got " + status);
        if (count < 1)
            throw new IllegalArgumentException("failNext.count must be at least 1, got " + count);
        if (retryAfterSeconds != null && retryAfterSeconds < 0)
            throw new IllegalArgumentException("failNext.retryAfterSeconds must not be negative");
    }

    public static InjectedFailure once(int status) {
        return new InjectedFailure(status, 1, null);
    }

    /** The same failure with one call fewer left, or null when this was the last one. */
    InjectedFailure consumeOne() {
        return count == 1 ? null : new InjectedFailure(status, count - 1, retryAfterSeconds);
    }

    RejectedRequest toRejection(ApiDialect dialect) {
        RejectedRequest rejection = switch (status) {
            case 401 -> RejectedRequest.unauthorized();
            case 404 -> dialect == ApiDialect.TGI
                    ? RejectedRequest.empty(404)
                    : RejectedRequest.apiError(404, "NotFoundError", "simulated failure: Not Found");
            default -> dialect == ApiDialect.TGI
                    ? RejectedRequest.apiError(status, tgiErrorType(), tgiMessage())
                    : RejectedRequest.apiError(status, openAiErrorType(), "simulated failure: " + reasonPhrase());
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
