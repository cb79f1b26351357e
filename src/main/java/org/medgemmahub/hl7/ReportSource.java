package org.medgemmahub.hl7;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.segment.NTE;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.model.v251.segment.TXA;
import java.util.List;

/**
 * The segments one request is made from: the patient, the order (OBR) or document (TXA), the observations with their
 * notes in message order, and the notes on the order itself.
 */
record ReportSource(PID pid, OBR obr, TXA txa, List<Segment> observations, List<NTE> orderNotes) {
    ReportSource {
        observations = List.copyOf(observations);
        orderNotes = List.copyOf(orderNotes);
    }
}
