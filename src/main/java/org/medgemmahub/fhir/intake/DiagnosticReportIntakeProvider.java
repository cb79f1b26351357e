package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.medgemmahub.pipeline.InferenceRequest;

/**
 * {@code POST /fhir/DiagnosticReport} (JSON or XML): the report is normalized and queued, then answered 202 with the Location
 * of its status resource. HAPI answers 400 itself for a body that is not FHIR JSON/XML or not a DiagnosticReport. Public
 * because HAPI calls the annotated method reflectively.
 */
public final class DiagnosticReportIntakeProvider implements IResourceProvider {
    private final DiagnosticReportIntake intake;

    DiagnosticReportIntakeProvider(DiagnosticReportIntake intake) {
        this.intake = intake;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return DiagnosticReport.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam DiagnosticReport report, RequestDetails request) {
        List<InferenceRequest> queued = intake.acceptReport(report, IntakeServerExtension.sender(request));
        MethodOutcome outcome = new MethodOutcome();
        OperationOutcome accepted = IntakeAnswer.accepted(request, queued);
        outcome.setOperationOutcome(accepted);
        outcome.setResource(accepted);
        outcome.setResponseStatusCode(202);
        return outcome;
    }
}
