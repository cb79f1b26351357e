package org.medgemmahub.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the ER7 acknowledgement for a received message: AA after the hand-off, or the NAK that {@link Hl7Failure}
 * decides from the exception. The header comes from the raw text, so even a message HAPI cannot parse is answered.
 */
@Component("hl7AckBuilder")
public class Hl7AckBuilder {
    static final String DEFAULT_VERSION = "2.5.1";
    static final String ERROR_CODE_TABLE = "HL70357";

    private static final Logger log = LoggerFactory.getLogger(Hl7AckBuilder.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ", Locale.ROOT);
    private static final Pattern VERSION = Pattern.compile("2\\.(\\d{1,2})(\\.\\d{1,2})?");
    /** MSA-3 is an ST of 80 characters in v2.3 and v2.4. */
    private static final int MSA_TEXT_LENGTH = 80;

    private final Hl7Properties properties;
    private final PipeParser parser = Hl7MessageParser.newParser();
    private final Clock clock = Clock.systemDefaultZone();

    public Hl7AckBuilder(Hl7Properties properties) {
        this.properties = properties;
    }

    /** The AA for {@code raw}. */
    public String accept(String raw) {
        MshHeader original = MshHeader.read(raw).orElse(null);
        try {
            String ack = build(original, AcknowledgmentCode.AA, null);
            log.debug("answering AA to MSH-10 {}", controlId(original));
            return ack;
        } catch (HL7Exception | RuntimeException e) {
            throw new IllegalStateException("HL7-ACK: cannot build the AA acknowledgement", e);
        }
    }

    /** The AE or AR for {@code raw} failing with {@code cause}; never throws, whatever {@code raw} is. */
    public String reject(String raw, Throwable cause) {
        String controlId = "";
        try {
            MshHeader original = MshHeader.read(raw).orElse(null);
            controlId = controlId(original);
            Hl7Failure failure = Hl7Failure.of(cause);
            String nak = build(original, failure.acknowledgment(), failure);
            log.warn("answering {} {} (HL7 error {}) to MSH-10 {}", failure.acknowledgment(), failure.code(),
                    failure.error().getCode(), controlId);
            return nak;
        } catch (HL7Exception | RuntimeException e) {
            log.error("cannot build the NAK for MSH-10 {}, answering a minimal AR: {}", controlId,
                    e.getClass().getSimpleName());
            return minimalReject(controlId);
        }
    }

    private String build(MshHeader original, AcknowledgmentCode code, Hl7Failure failure) throws HL7Exception {
        ACK ack = new ACK();
        ack.setParser(parser);
        Terser t = new Terser(ack);
        String version = version(original);
        t.set("/MSH-1", "|");
        t.set("/MSH-2", "^~\\&");
        t.set("/MSH-3-1", properties.receivingApplication());
        t.set("/MSH-4-1", properties.receivingFacility());
        for (int c = 1; c <= 3 && original != null; c++) {
            t.set("/MSH-5-" + c, original.component(3, c));
            t.set("/MSH-6-" + c, original.component(4, c));
        }
        t.set("/MSH-7", ZonedDateTime.now(clock).format(TIMESTAMP));
        t.set("/MSH-9-1", "ACK");
        t.set("/MSH-9-2", original == null ? "" : original.triggerEvent());
        t.set("/MSH-9-3", "ACK");
        t.set("/MSH-10", newControlId());
        t.set("/MSH-11-1", original == null || original.processingId().isBlank() ? "P" : original.processingId());
        t.set("/MSH-12-1", version);
        t.set("/MSA-1", code.name());
        t.set("/MSA-2", controlId(original));
        if (failure != null) addError(t, failure, isBefore25(version));
        return parser.encode(ack);
    }

    private static void addError(Terser t, Hl7Failure failure, boolean legacy) throws HL7Exception {
        String errorCode = String.valueOf(failure.error().getCode());
        String errorText = failure.error().getMessage();
        String message = failure.message();
        t.set("/ERR-3-1", errorCode);
        t.set("/ERR-3-2", errorText);
        t.set("/ERR-3-3", ERROR_CODE_TABLE);
        t.set("/ERR-4", "E");
        t.set("/ERR-8", message);
        if (legacy) {
            // Before v2.5 the ERR segment had only ERR-1 (code in its 4th component) and MSA-3 carried the text.
            t.set("/ERR-1-4-1", errorCode);
            t.set("/ERR-1-4-2", errorText);
            t.set("/ERR-1-4-3", ERROR_CODE_TABLE);
            t.set("/MSA-3", message.length() > MSA_TEXT_LENGTH ? message.substring(0, MSA_TEXT_LENGTH) : message);
        }
    }

    /** The sender's version when it looks like one (ACKs are answered in it), else 2.5.1. */
    private static String version(MshHeader original) {
        String version = original == null ? "" : original.version().trim();
        return VERSION.matcher(version).matches() ? version : DEFAULT_VERSION;
    }

    private static boolean isBefore25(String version) {
        Matcher m = VERSION.matcher(version);
        return m.matches() && Integer.parseInt(m.group(1)) < 5;
    }

    private static String controlId(MshHeader original) {
        return original == null ? "" : original.controlId();
    }

    /** 20 characters, the length of MSH-10 (ST) in every version we answer. */
    static String newControlId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }

    /** Hand-built, for when even HAPI's encoder fails; only characters that need no escaping. */
    private String minimalReject(String controlId) {
        return "MSH|^~\\&|" + plain(properties.receivingApplication()) + "|" + plain(properties.receivingFacility())
                + "|||" + ZonedDateTime.now(clock).format(TIMESTAMP) + "||ACK^^ACK|" + newControlId() + "|P|"
                + DEFAULT_VERSION + "\rMSA|AR|" + plain(controlId)
                + "\rERR|||207^Application internal error^" + ERROR_CODE_TABLE + "|E\r";
    }

    private static String plain(String value) {
        return value.replaceAll("[^A-Za-z0-9_. -]", "");
    }
}
