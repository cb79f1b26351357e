package org.medgemmahub.api;

/** A REST call the API refuses: missing or invalid fields (400), an unsupported upload (415). */
class ApiRequestException extends RuntimeException {
    private final int status;
    private final String code;

    ApiRequestException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
