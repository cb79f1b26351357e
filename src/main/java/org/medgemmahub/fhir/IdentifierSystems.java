package org.medgemmahub.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Turns identifier namespaces as HL7 v2 sends them (assigning authority, facility) into FHIR identifier systems. */
final class IdentifierSystems {
    private IdentifierSystems() {
    }

    /** A URI as is, an ISO OID as {@code urn:oid:}, anything else under the hub's assigning-authority prefix. */
    static String forAssigningAuthority(String authority) {
        if (authority == null || authority.isBlank()) return null;
        String value = authority.strip();
        if (value.matches("[0-2](\\.(0|[1-9][0-9]*))+")) return "urn:oid:" + value;
        if (value.matches("(?i)(urn|https?):\\S+")) return value;
        return FhirNames.ASSIGNING_AUTHORITY_SYSTEM_PREFIX + encode(value);
    }

    static String forAccession(String sender) {
        return FhirNames.ACCESSION_SYSTEM_PREFIX + encode(sender == null || sender.isBlank() ? "unknown" : sender);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
