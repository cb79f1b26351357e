package org.medgemmahub.hl7;

import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.datatype.HD;
import ca.uhn.hl7v2.model.v251.segment.PID;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.medgemmahub.pipeline.PatientIdentifier;

/** PID-3 repetitions to {@link PatientIdentifier}s; reads nothing else from PID, names least of all. */
final class PatientIdentifierMapper {
    private PatientIdentifierMapper() {
    }

    /** The identifiers with a value, in order, without duplicates; empty when there is no PID or no PID-3. */
    static List<PatientIdentifier> fromPid(PID pid) {
        if (pid == null) return List.of();
        Set<PatientIdentifier> identifiers = new LinkedHashSet<>();
        for (CX cx : pid.getPatientIdentifierList()) {
            String value = text(cx.getIDNumber().getValue());
            if (value == null) continue;
            identifiers.add(new PatientIdentifier(value, system(cx), text(cx.getIdentifierTypeCode().getValue())));
        }
        return List.copyOf(identifiers);
    }

    /** CX-4 assigning authority (universal id before namespace id), else CX-6 assigning facility, else null. */
    private static String system(CX cx) {
        String authority = authority(cx.getAssigningAuthority());
        return authority != null ? authority : authority(cx.getAssigningFacility());
    }

    private static String authority(HD hd) {
        String universalId = text(hd.getUniversalID().getValue());
        return universalId != null ? universalId : text(hd.getNamespaceID().getValue());
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
