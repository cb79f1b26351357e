package org.medgemmahub.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;

/**
 * A message that parses but cannot be turned into a request (wrong type, no report text, no patient): answered
 * {@code AE}. The message starts with a stable code, e.g. {@code HL7-NO-TEXT: ...}, and never quotes field contents.
 */
public class Hl7UnusableMessageException extends HL7Exception {
    private final String code;

    public Hl7UnusableMessageException(String code, ErrorCode error, String text) {
        super(code + ": " + text, error);
        this.code = code;
    }

    /** The stable code, e.g. {@code HL7-NO-TEXT}. */
    public String code() {
        return code;
    }
}
