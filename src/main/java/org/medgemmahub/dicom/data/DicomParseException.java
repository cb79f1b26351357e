package org.medgemmahub.dicom.data;

import java.io.IOException;

/**
 * The bytes are not a DICOM data set the hub can read: truncated, a length beyond the configured limits, a broken
 * sequence, no Part 10 header, a transfer syntax the hub does not accept. The message names the element and the byte
 * offset (in the data set stream; after inflation for deflated syntaxes).
 */
public class DicomParseException extends IOException {
    public DicomParseException(String message) {
        super(message);
    }

    public DicomParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
