package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.medgemmahub.pipeline.InferenceRequest;

/**
 * The 202 answer to an accepted report: an OperationOutcome (or, for a bundle, a response bundle) naming each request and
 * the URL of its status resource, {@code /api/requests/{id}}; {@link IntakeAcceptedInterceptor} turns the status into 202 and
 * adds the Location header.
 */
final class IntakeAnswer {
    /** RequestDetails user-data key holding the Location of an accepted request. */
    static final String LOCATION = IntakeAnswer.class.getName() + ".location";
    static final String STATUS_PATH = "/api/requests/";

    private IntakeAnswer() {
    }

    static OperationOutcome accepted(RequestDetails request, List<InferenceRequest> queued) {
        OperationOutcome outcome = new OperationOutcome();
        for (InferenceRequest inference : queued)
            outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                    .setDiagnostics("FHIR-INTAKE-QUEUED: DiagnosticReport accepted as request " + inference.id() + "; status at "
                            + statusUrl(request, inference.id()))
                    .addLocation(statusUrl(request, inference.id()));
        remember(request, queued);
        return outcome;
    }

    static Bundle acceptedBundle(RequestDetails request, Bundle bundle, List<InferenceRequest> queued) {
        Bundle answer = new Bundle().setType(bundle.getType() == Bundle.BundleType.TRANSACTION
                ? Bundle.BundleType.TRANSACTIONRESPONSE : Bundle.BundleType.BATCHRESPONSE);
        int report = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Bundle.BundleEntryComponent response = answer.addEntry();
            if (entry.getResource() instanceof DiagnosticReport) {
                String id = queued.get(report++).id();
                response.getResponse().setStatus("202 Accepted").setLocation(statusUrl(request, id));
            } else {
                OperationOutcome context = new OperationOutcome();
                context.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                        .setDiagnostics("FHIR-INTAKE-CONTEXT: read as context of the reports, not stored");
                response.getResponse().setStatus("200 OK").setOutcome(context);
            }
        }
        remember(request, queued);
        return answer;
    }

    private static void remember(RequestDetails request, List<InferenceRequest> queued) {
        if (!queued.isEmpty()) request.getUserData().put(LOCATION, statusUrl(request, queued.get(0).id()));
    }

    /** Absolute URL of a request's status resource, on the host and context path the client used. */
    static String statusUrl(RequestDetails request, String requestId) {
        if (request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
            HttpServletRequest http = servlet.getServletRequest();
            String host = http.getHeader("Host") != null ? http.getHeader("Host") : http.getServerName() + ":" + http.getServerPort();
            return http.getScheme() + "://" + host + http.getContextPath() + STATUS_PATH + requestId;
        }
        return STATUS_PATH + requestId;
    }
}
