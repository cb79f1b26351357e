package org.medgemmahub.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Parses raw ER7 into HAPI's v2.5.1 structures, whatever accepted version (2.3 to 2.5.1) the sender used; MSH-12 keeps
 * the version as sent. Anything that cannot be taken is an {@link Hl7RejectedMessageException} (AR).
 */
@Component("hl7MessageParser")
public class Hl7MessageParser {
    static final Set<String> SUPPORTED_VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");
    private static final String ACCEPTED = "accepted are 2.3, 2.3.1, 2.4, 2.5 and 2.5.1";

    private static final Logger log = LoggerFactory.getLogger(Hl7MessageParser.class);

    private final int maxMessageBytes;
    private final Hl7Properties properties;
    private final PipeParser parser;

    public Hl7MessageParser(Hl7Properties properties) {
        this.properties = properties;
        this.maxMessageBytes = properties.maxMessageBytes();
        this.parser = newParser();
    }

    /**
     * A thread-safe parser, built once per bean and never per message: canonical 2.5.1 model, no validation beyond
     * what parsing needs.
     */
    static PipeParser newParser() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        // Real senders leave OBX-2 empty or put odd value types in it; read those values as ST rather than refusing
        // the message. The mapper still takes text only from OBX declared TX, FT or ST.
        context.getParserConfiguration().setDefaultObx2Type("ST");
        context.getParserConfiguration().setInvalidObx2Type("ST");
        return context.getPipeParser();
    }

    public Message parse(String raw) throws Hl7RejectedMessageException {
        if (raw == null || raw.isBlank()) {
            throw new Hl7RejectedMessageException("HL7-PARSE", ErrorCode.SEGMENT_SEQUENCE_ERROR, "message is empty");
        }
        checkSize(raw);
        String er7 = normalizeSegmentSeparators(raw);
        MshHeader msh = MshHeader.read(er7).orElseThrow(() -> new Hl7RejectedMessageException(
                "HL7-PARSE", ErrorCode.SEGMENT_SEQUENCE_ERROR, "message does not start with an MSH segment"));
        if (!msh.hasValidEncodingCharacters()) {
            throw new Hl7RejectedMessageException("HL7-PARSE", ErrorCode.DATA_TYPE_ERROR,
                    "MSH-1/MSH-2 are not a valid field separator and four distinct encoding characters");
        }
        checkSendingFacility(msh);
        checkVersion(msh.version());
        Message message = parseWithHapi(er7.substring(er7.indexOf("MSH")), msh.controlId());
        log.debug("parsed HL7 message MSH-10 {} type {}^{} version {}",
                msh.controlId(), msh.messageType(), msh.triggerEvent(), msh.version());
        return message;
    }

    private void checkSize(String raw) throws Hl7RejectedMessageException {
        long bytes = utf8Length(raw);
        if (bytes > maxMessageBytes) {
            throw new Hl7RejectedMessageException("HL7-TOO-LARGE", ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "message has " + bytes + " bytes, more than the " + maxMessageBytes + " accepted");
        }
    }

    /** Counted without encoding, so an oversized message costs no extra copy. */
    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else bytes += 3;
        }
        return bytes;
    }

    /** HL7 ends segments with CR; files and some senders use LF or CRLF. */
    static String normalizeSegmentSeparators(String raw) {
        String er7 = raw.replace("\r\n", "\r").replace('\n', '\r');
        int end = er7.length();
        while (end > 0 && (er7.charAt(end - 1) == '\r' || er7.charAt(end - 1) == '\u001c')) end--;
        return er7.substring(0, end) + '\r';
    }

    /**
     * MSH-4 is the sending facility (HD; its namespace id is a value of the site's facility table, HL7 table 0362), so a
     * facility not on hub.hl7.allowed-sending-facilities is answered with table 0357 code 103 "table value not found".
     */
    private void checkSendingFacility(MshHeader msh) throws Hl7RejectedMessageException {
        String facility = msh.component(4, 1).trim();
        if (!properties.allowsSendingFacility(facility)) {
            throw new Hl7RejectedMessageException("HL7-SENDER", ErrorCode.TABLE_VALUE_NOT_FOUND, "sending facility (MSH-4) "
                    + (facility.isEmpty() ? "is empty and" : shorten(facility)) + " is not allowed to send to this hub");
        }
    }

    private static void checkVersion(String version) throws Hl7RejectedMessageException {
        if (version.isBlank()) {
            throw new Hl7RejectedMessageException("HL7-VERSION", ErrorCode.UNSUPPORTED_VERSION_ID,
                    "MSH-12 version id is missing; " + ACCEPTED);
        }
        if (!SUPPORTED_VERSIONS.contains(version)) {
            // The version id is protocol metadata, not patient data, so it may be quoted back.
            throw new Hl7RejectedMessageException("HL7-VERSION", ErrorCode.UNSUPPORTED_VERSION_ID,
                    "HL7 version " + shorten(version) + " is not supported; " + ACCEPTED);
        }
    }

    private static String shorten(String s) {
        return s.length() > 10 ? s.substring(0, 10) + "..." : s;
    }

    /**
     * HAPI's exception texts may quote the message, so they are logged at TRACE only and not kept as the cause: the
     * route logs and stores what this throws.
     */
    private Message parseWithHapi(String er7, String controlId) throws Hl7RejectedMessageException {
        try {
            return parser.parse(er7);
        } catch (HL7Exception e) {
            log.trace("HAPI cannot parse MSH-10 {}: {}", controlId, e.getMessage());
            ErrorCode error = e.getError() == null || e.getError() == ErrorCode.APPLICATION_INTERNAL_ERROR
                    ? ErrorCode.SEGMENT_SEQUENCE_ERROR : e.getError();
            throw new Hl7RejectedMessageException("HL7-PARSE", error, "message cannot be parsed ("
                    + error.getMessage().toLowerCase(Locale.ROOT) + where(e.getLocation()) + ")");
        } catch (RuntimeException e) {
            log.trace("HAPI cannot parse MSH-10 {}", controlId, e);
            throw new Hl7RejectedMessageException("HL7-PARSE", ErrorCode.SEGMENT_SEQUENCE_ERROR,
                    "message cannot be parsed (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String where(Location location) {
        if (location == null || location.getSegmentName() == null) return "";
        StringBuilder at = new StringBuilder(" at ").append(location.getSegmentName());
        if (location.getField() > 0) at.append('-').append(location.getField());
        return at.toString();
    }
}
