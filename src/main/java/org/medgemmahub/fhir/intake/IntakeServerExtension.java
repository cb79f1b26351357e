package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.medgemmahub.fhir.embedded.FhirServerExtension;
import org.medgemmahub.pipeline.InferenceRequest;
import org.springframework.stereotype.Component;

/**
 * The intake's share of {@code /fhir}: DiagnosticReport create and bundles holding DiagnosticReports. Bundles without a
 * report (the hub's own Device/Observation/Provenance transactions) are left to the store.
 */
@Component
class IntakeServerExtension implements FhirServerExtension {
    private final DiagnosticReportIntake intake;

    IntakeServerExtension(DiagnosticReportIntake intake) {
        this.intake = intake;
    }

    @Override
    public List<Object> providers() {
        return List.of(new DiagnosticReportIntakeProvider(intake));
    }

    @Override
    public List<Object> interceptors() {
        return List.of(new IntakeAcceptedInterceptor());
    }

    @Override
    public Set<String> createdTypes() {
        return Set.of("DiagnosticReport");
    }

    @Override
    public Optional<Bundle> handleBundle(Bundle bundle, RequestDetails request) {
        if (!DiagnosticReportIntake.holdsReports(bundle)) return Optional.empty();
        List<InferenceRequest> queued = intake.acceptBundle(bundle, sender(request));
        return Optional.of(IntakeAnswer.acceptedBundle(request, bundle, queued));
    }

    /** The client, as the hub saw it, for the request's sender field: never a person. */
    static String sender(RequestDetails request) {
        if (request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null)
            return "fhir-client@" + servlet.getServletRequest().getRemoteAddr();
        return "fhir-client";
    }
}
