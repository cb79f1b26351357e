package org.medgemmahub.medgemma;

/**
 * An input image the hub will not send to the model: too large (413), a format outside
 * {@code medgemma.allowed-formats} (415), or not decodable (400). The message never contains image data.
 */
public class ImageInputException extends RuntimeException {
    private final String code;
    private final int status;

    public ImageInputException(String code, int status, String detail) {
        super(code + ": " + detail);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    /** The HTTP status an API answers with. */
    public int status() {
        return status;
    }
}
