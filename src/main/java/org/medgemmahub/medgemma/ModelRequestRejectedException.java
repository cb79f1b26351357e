package org.medgemmahub.medgemma;

/**
 * The model server refused the request for a reason a retry cannot fix (400, 401, 403, 404, 413, 415, 422,
 * 501, paused endpoint, a wrong configuration). The request goes to the dead-letter queue with this reason.
 */
public class ModelRequestRejectedException extends RuntimeException {
    private final String code;
    private final int status;

    public ModelRequestRejectedException(String code, int status, String detail) {
        super(code + ": " + detail);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
