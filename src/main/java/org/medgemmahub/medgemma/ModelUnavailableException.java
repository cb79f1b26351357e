package org.medgemmahub.medgemma;

import java.time.Duration;

/**
 * The model server could not answer now but may later: 503/502 cold start, 429, other 5xx, 424, timeouts,
 * refused connections. The request is redelivered with backoff; {@link #retryAfter()} is the server's hint.
 */
public class ModelUnavailableException extends RuntimeException {
    private final String code;
    private final int status;
    private final Duration retryAfter;
    private final boolean warmingUp;

    public ModelUnavailableException(String code, int status, String detail, Duration retryAfter, boolean warmingUp, Throwable cause) {
        super(code + ": " + detail, cause);
        this.code = code;
        this.status = status;
        this.retryAfter = retryAfter;
        this.warmingUp = warmingUp;
    }

    public String code() {
        return code;
    }

    /** HTTP status, or 0 when no answer came (timeout, connection refused). */
    public int status() {
        return status;
    }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True for the answers of a server that is starting or scaling up from zero (502, 503, refused). */
    public boolean warmingUp() {
        return warmingUp;
    }
}
