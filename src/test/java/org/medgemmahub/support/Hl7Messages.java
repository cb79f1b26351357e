package org.medgemmahub.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.medgemmahub.hl7.Hl7Fixtures;

/** Fixture messages made unique per test (control id and patient), so tests sharing a hub do not see each other. */
public final class Hl7Messages {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Patient identifier system the hub derives from the fixtures' assigning authority (an ISO OID). */
    public static final String PATIENT_SYSTEM = "urn:oid:1.2.840.99999.1.1";

    public final String controlId;
    public final String mrn;
    public final String er7;

    private Hl7Messages(String controlId, String mrn, String er7) {
        this.controlId = controlId;
        this.mrn = mrn;
        this.er7 = er7;
    }

    /** The v2.5.1 ORU^R01 fixture with its own MSH-10 and MRN. */
    public static Hl7Messages uniqueOru() {
        int n = SEQUENCE.incrementAndGet();
        String controlId = "T" + System.nanoTime() + "-" + n;
        String mrn = "MRN" + Math.abs(controlId.hashCode()) + n;
        String er7 = Hl7Fixtures.oruWithTwoTxObx().replace("MSG00001", controlId).replace("MRN00001", mrn);
        return new Hl7Messages(controlId, mrn, er7);
    }
}
