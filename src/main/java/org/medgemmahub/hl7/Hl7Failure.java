package org.medgemmahub.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.medgemmahub.pipeline.IntakePausedException;

/**
 * What a NAK says about a failure: AR for a rejected message and for internal failures (the sender should resend),
 * AE for a message that was understood but cannot be used, or cannot be taken now (back-pressure: resend later). The one place exceptions become acknowledgement codes.
 *
 * @param acknowledgment AE or AR
 * @param error          the table-0357 code for ERR-3
 * @param code           our stable code, e.g. {@code HL7-NO-TEXT}
 * @param message        text for ERR-8, a single line without field contents of the message
 */
record Hl7Failure(AcknowledgmentCode acknowledgment, ErrorCode error, String code, String message) {
    static final String INTERNAL = "HL7-INTERNAL";
    static final String OTHER = "HL7-ERROR";
    static final String BUSY = IntakePausedException.CODE;
    private static final int MAX_MESSAGE_LENGTH = 200;

    static Hl7Failure of(Throwable cause) {
        HL7Exception hl7 = findHl7Exception(cause);
        if (hl7 instanceof Hl7RejectedMessageException rejected) {
            return new Hl7Failure(AcknowledgmentCode.AR, errorOf(rejected), rejected.code(),
                    clean(rejected.getMessage()));
        }
        if (hl7 instanceof Hl7UnusableMessageException unusable) {
            return new Hl7Failure(AcknowledgmentCode.AE, errorOf(unusable), unusable.code(),
                    clean(unusable.getMessage()));
        }
        if (hl7 != null) {
            // HAPI's own messages may quote the message, so only its code and the location are passed on.
            ErrorCode error = errorOf(hl7);
            return new Hl7Failure(AcknowledgmentCode.AE, error, OTHER,
                    clean(OTHER + ": " + error.getMessage() + Hl7MessageParser.where(hl7.getLocation())));
        }
        if (findCause(cause, IntakePausedException.class) instanceof IntakePausedException paused) {
            // understood but not taken now: AE, so the sender keeps the message and resends it later
            return new Hl7Failure(AcknowledgmentCode.AE, ErrorCode.APPLICATION_INTERNAL_ERROR, BUSY, clean(paused.getMessage()));
        }
        return new Hl7Failure(AcknowledgmentCode.AR, ErrorCode.APPLICATION_INTERNAL_ERROR, INTERNAL,
                INTERNAL + ": the message was not processed because of an internal error; please resend it");
    }

    /** The first HL7Exception in the cause chain, as route engines wrap what a bean throws. */
    private static HL7Exception findHl7Exception(Throwable cause) {
        return (HL7Exception) findCause(cause, HL7Exception.class);
    }

    private static Throwable findCause(Throwable cause, Class<? extends Throwable> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = cause; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) return t;
        }
        return null;
    }

    private static ErrorCode errorOf(HL7Exception e) {
        ErrorCode error = e.getError();
        return error == null || error == ErrorCode.MESSAGE_ACCEPTED ? ErrorCode.APPLICATION_INTERNAL_ERROR : error;
    }

    /** One line, no escape character, bounded; HAPI's encoder escapes the remaining delimiters. */
    static String clean(String text) {
        if (text == null) return "";
        String line = text.replace('\\', '/').replaceAll("\\p{Cntrl}", " ").replaceAll(" {2,}", " ").trim();
        return line.length() > MAX_MESSAGE_LENGTH ? line.substring(0, MAX_MESSAGE_LENGTH) : line;
    }
}
