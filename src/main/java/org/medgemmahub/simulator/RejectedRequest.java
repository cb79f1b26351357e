package org.medgemmahub.simulator;

/**
 * A request the simulator refuses, described independently of the API so each {@link ApiDialect} can render it in
 * its own wire shape. Carries no stack trace: it is an answer, not a bug.
 */
final class RejectedRequest extends Exception {
    enum Kind {
        /** TGI {@code {error, error_type}} or vLLM nested {@code {error: {message, type, param, code}}}. */
        API_ERROR,
        /** Framework or proxy text, the same on every API (axum rejections, the loading 503). */
        PLAIN_TEXT,
        EMPTY,
        /** Empty on TGI, {@code {"error":"Unauthorized"}} on vLLM. */
        UNAUTHORIZED
    }

    private final int status;
    private final Kind kind;
    private final String errorType;
    private final Integer retryAfterSeconds;

    private RejectedRequest(int status, Kind kind, String errorType, String message, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.kind = kind;
        this.errorType = errorType;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @param errorType TGI's {@code error_type} or vLLM's {@code type}, whichever dialect answers */
    static RejectedRequest apiError(int status, String errorType, String message) {
        return new RejectedRequest(status, Kind.API_ERROR, errorType, message, null);
    }

    static RejectedRequest tgiValidation(String detail) {
        return apiError(422, "validation", "Input validation error: " + detail);
    }

    static RejectedRequest badRequest(String message) {
        return apiError(400, "BadRequestError", message);
    }

    static RejectedRequest plainText(int status, String text) {
        return new RejectedRequest(status, Kind.PLAIN_TEXT, null, text, null);
    }

    static RejectedRequest empty(int status) {
        return new RejectedRequest(status, Kind.EMPTY, null, "", null);
    }

    static RejectedRequest unauthorized() {
        return new RejectedRequest(401, Kind.UNAUTHORIZED, null, "Unauthorized", null);
    }

    static RejectedRequest loading() {
        return plainText(503, "Service Unavailable: model is loading");
    }

    RejectedRequest withRetryAfter(int seconds) {
        return new RejectedRequest(status, kind, errorType, getMessage(), seconds);
    }

    int status() {
        return status;
    }

    Kind kind() {
        return kind;
    }

    String errorType() {
        return errorType;
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
