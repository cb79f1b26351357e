package org.medgemmahub.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * HL7 v2 test messages from {@code src/test/resources/hl7/}, with invented patients. Files are kept with LF line
 * endings for readability; {@link #load} returns them with CR segment separators, as they travel over MLLP.
 */
public final class Hl7Fixtures {
    private Hl7Fixtures() {
    }

    /** The fixture {@code name} (e.g. {@code oru-r01-v251-tx.hl7}) with CR segment separators. */
    public static String load(String name) {
        try (InputStream in = Hl7Fixtures.class.getResourceAsStream("/hl7/" + name)) {
            if (in == null) throw new IllegalArgumentException("no HL7 fixture " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("\r\n", "\r").replace('\n', '\r');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values application.yaml gives hub.hl7.*. */
    public static Hl7Properties defaultProperties() {
        return new Hl7Properties(2575, "0.0.0.0", 1_048_576, "MEDGEMMA_HUB", "HUB", "report-findings");
    }

    /** v2.5.1 ORU^R01, one OBR (accession in OBR-18, CR), two TX OBX, three PID-3 identifiers; MSH-10 MSG00001. */
    public static String oruWithTwoTxObx() {
        return load("oru-r01-v251-tx.hl7");
    }

    /** v2.3 ORU^R01, one FT OBX full of escape and formatting sequences, an OBR-level NTE; MSH-10 MSG00023. */
    public static String oruV23WithFtEscapes() {
        return load("oru-r01-v23-ft-escapes.hl7");
    }

    /** v2.4 ORU^R01 with two OBR (CT head, CT chest), each with a TX impression; the first also has an NM OBX. */
    public static String oruV24WithTwoObr() {
        return load("oru-r01-v24-two-obr.hl7");
    }

    /** v2.5 ORU^R01: repeated ST OBX-5, an empty TX OBX (blank line), an OBX-level NTE and an NM OBX. */
    public static String oruV25WithStRepetitions() {
        return load("oru-r01-v25-st-repeats.hl7");
    }

    /** v2.5 MDM^T02: TXA (type RAD, document DOC5001) and two TX OBX. */
    public static String mdmT02() {
        return load("mdm-t02-v25.hl7");
    }

    /** v2.3.1 ORM^O01: one CT order with an NTE and a TX OBX. */
    public static String ormV231() {
        return load("orm-o01-v231.hl7");
    }

    /** v2.5.1 ORM^O01 whose order has neither OBX nor NTE. */
    public static String ormWithoutText() {
        return load("orm-o01-v251-no-text.hl7");
    }

    /** v2.5.1 ADT^A01, a type the hub does not take. */
    public static String adtA01() {
        return load("adt-a01-v251.hl7");
    }

    /** v2.5.1 ORU^R01 with only a numeric OBX. */
    public static String oruWithoutText() {
        return load("oru-no-text.hl7");
    }

    /** v2.5.1 ORU^R01 without a PID segment. */
    public static String oruWithoutPatient() {
        return load("oru-no-patient.hl7");
    }

    /** v2.5.1 ORU^R01 with an empty MSH-10. */
    public static String oruWithoutControlId() {
        return load("oru-no-control-id.hl7");
    }

    /** Segments without an MSH. */
    public static String withoutMsh() {
        return load("no-msh.hl7");
    }

    /** ORU^R01 whose MSH-2 has only two encoding characters. */
    public static String withBadEncodingCharacters() {
        return load("bad-encoding-chars.hl7");
    }

    /** ORU^R01 declaring v2.6, a version the hub does not accept. */
    public static String oruV26() {
        return load("oru-r01-v26.hl7");
    }
}
