package org.medgemmahub.pipeline;

/**
 * One identifier of the patient as the source system gave it, e.g. PID-3 with its assigning authority.
 *
 * @param value  the identifier itself (MRN, national id)
 * @param system the namespace: a URI when known, else the assigning authority as sent (PID-3.4)
 * @param type   the identifier type code (PID-3.5, e.g. {@code MR}), or null
 */
public record PatientIdentifier(String value, String system, String type) {
    public PatientIdentifier {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("patient identifier value must not be blank");
        }
    }
}
