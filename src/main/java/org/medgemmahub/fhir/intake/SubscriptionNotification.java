package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;

/**
 * What an R4 rest-hook notification names: nothing (an empty body: "go and look"), or DiagnosticReport ids taken from the
 * URL ({@code .../DiagnosticReport/{id}}, where servers PUT a payload), a DiagnosticReport (full or id-only) or a Bundle
 * (history or subscription-notification) in the body. The reports themselves are always read from the source server, so a
 * notification can neither inject content nor name a report the source does not hold.
 */
record SubscriptionNotification(List<String> reportIds) {

    boolean isEmpty() {
        return reportIds.isEmpty();
    }

    static SubscriptionNotification parse(FhirContext fhirContext, String pathId, String body) {
        Set<String> ids = new LinkedHashSet<>();
        if (pathId != null && !pathId.isBlank()) ids.add(pathId);
        if (body != null && !body.isBlank()) {
            IBaseResource resource;
            try {
                resource = body.stripLeading().startsWith("<") ? fhirContext.newXmlParser().parseResource(body)
                        : fhirContext.newJsonParser().parseResource(body);
            } catch (DataFormatException e) {
                throw new InvalidRequestException("FHIR-NOTIFY-NOT-FHIR: the notification body is not a FHIR resource: " + e.getMessage());
            }
            collect(resource, ids);
        }
        return new SubscriptionNotification(List.copyOf(ids));
    }

    private static void collect(IBaseResource resource, Set<String> ids) {
        if (resource instanceof DiagnosticReport report && report.getIdElement().hasIdPart()) {
            ids.add(report.getIdElement().getIdPart());
        } else if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() != null && !(entry.getResource() instanceof Parameters)) collect(entry.getResource(), ids);
                else if (entry.getResource() == null && entry.hasFullUrl()) {
                    IdType id = new IdType(entry.getFullUrl());
                    if ("DiagnosticReport".equals(id.getResourceType()) && id.hasIdPart()) ids.add(id.getIdPart());
                }
            }
        } else if (!(resource instanceof Parameters)) {
            throw new InvalidRequestException("FHIR-NOTIFY-WRONG-TYPE: the hub subscribes to DiagnosticReports, not " + resource.fhirType());
        }
    }
}
