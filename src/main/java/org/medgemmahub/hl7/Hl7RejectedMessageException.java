package org.medgemmahub.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;

/**
 * A message the hub cannot take at all (too large, not parseable, unsupported version, no control id): answered
 * {@code AR}. The message starts with a stable code, e.g. {@code HL7-PARSE: ...}, and never quotes field contents.
 */
public class Hl7RejectedMessageException extends HL7Exception {
    private final String code;

    public Hl7RejectedMessageException(String code, ErrorCode error, String text) {
        super(code + ": " + text, error);
        this.code = code;
    }

    /** The stable code, e.g. {@code HL7-TOO-LARGE}. */
    public String code() {
        return code;
    }
}
