package org.medgemmahub.reliability;

import java.util.ArrayList;
import java.util.List;

/** HL7 results for crash tests: each with its own MSH-10 and patient, so each maps to exactly one Observation. */
final class CrashMessages {
    static final String PATIENT_SYSTEM = "urn:oid:1.2.840.99999.1.1";

    record Message(String controlId, String mrn, String er7) {
    }

    private CrashMessages() {
    }

    static List<Message> burst(int round, int size) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Message> messages = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String controlId = "C" + run + "-" + round + "-" + i;
            String mrn = "CR" + run + round + "x" + i;
            messages.add(new Message(controlId, mrn,
                    "MSH|^~\\&|RIS|RADIOLOGY|HUB|HOSP|20261203101500||ORU^R01^ORU_R01|" + controlId + "|P|2.5.1\r"
                            + "PID|1||" + mrn + "^^^HOSP&1.2.840.99999.1.1&ISO^MR\r"
                            + "OBR|1|PL" + i + "|ACC" + round + "x" + i + "|36643-5^XR Chest 2 views^LN\r"
                            + "OBX|1|TX|18782-3^Findings^LN||Right lower lobe consolidation.\\.br\\Small right effusion.||||||F\r"));
        }
        return messages;
    }
}
