package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Subscription rest-hook receiver, {@code /fhir-notify}: set it as {@code Subscription.channel.endpoint} on the source
 * server. A notification naming DiagnosticReports makes the hub read each from {@code hub.fhir.subscription.source-url} and
 * queue it (route fhir-subscription); an empty one runs a poll of {@code hub.fhir.poll.base-url}. Answered 200 once queued,
 * or with an OperationOutcome and 4xx/5xx (the source server then retries or marks the subscription in error).
 */
@RestController
class SubscriptionHookController {
    static final String PATH = "/fhir-notify";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionHookController.class);
    private static final String FHIR_JSON = "application/fhir+json";

    private final FhirContext fhirContext;
    private final ProducerTemplate producer;
    private final String sourceUrl;
    private final FhirPollProperties poll;

    SubscriptionHookController(FhirContext fhirContext, ProducerTemplate producer,
                               @Value("${hub.fhir.subscription.source-url:}") String sourceUrl, FhirPollProperties poll) {
        this.fhirContext = fhirContext;
        this.producer = producer;
        this.sourceUrl = sourceUrl == null || sourceUrl.isBlank() ? null : sourceUrl;
        this.poll = poll;
    }

    @RequestMapping(path = {PATH, PATH + "/DiagnosticReport/{id}"}, method = {RequestMethod.POST, RequestMethod.PUT})
    ResponseEntity<String> notified(@PathVariable(name = "id", required = false) String id, @RequestBody(required = false) String body) {
        try {
            SubscriptionNotification notification = SubscriptionNotification.parse(fhirContext, id, body);
            if (notification.isEmpty()) {
                if (poll.baseUrl() == null)
                    return answer(422, IssueSeverity.ERROR, "FHIR-NOTIFY-NO-POLL: an empty notification asks the hub to look for new "
                            + "reports, but hub.fhir.poll.base-url is not set");
                producer.requestBody("direct:fhir-poll-once", (Object) null);
                return answer(200, IssueSeverity.INFORMATION, "FHIR-NOTIFY-POLLED: new reports on the source were looked for and queued");
            }
            if (sourceUrl == null)
                return answer(422, IssueSeverity.ERROR, "FHIR-NOTIFY-NO-SOURCE: hub.fhir.subscription.source-url is not set");
            for (String reportId : notification.reportIds()) producer.requestBody("direct:fhir-subscription", reportId);
            log.info("Subscription notification: {} report(s) read and queued", notification.reportIds().size());
            return answer(200, IssueSeverity.INFORMATION, "FHIR-NOTIFY-QUEUED: " + notification.reportIds().size() + " report(s) queued");
        } catch (BaseServerResponseException e) {
            return answer(e.getStatusCode(), IssueSeverity.ERROR, e.getMessage());
        } catch (CamelExecutionException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof BaseServerResponseException)) cause = cause.getCause();
            if (cause instanceof BaseServerResponseException refused) {
                int status = refused.getStatusCode() == 404 ? 404 : refused.getStatusCode() >= 500 ? 502 : refused.getStatusCode();
                return answer(status, IssueSeverity.ERROR, refused.getMessage());
            }
            log.error("FHIR-NOTIFY-NOT-QUEUED: {}", cause.getClass().getSimpleName());
            return answer(503, IssueSeverity.ERROR, "FHIR-NOTIFY-NOT-QUEUED: the report could not be read or queued; please resend");
        }
    }

    private ResponseEntity<String> answer(int status, IssueSeverity severity, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(severity == IssueSeverity.INFORMATION ? IssueType.INFORMATIONAL : IssueType.PROCESSING)
                .setDiagnostics(diagnostics);
        return ResponseEntity.status(status).header("Content-Type", FHIR_JSON)
                .body(fhirContext.newJsonParser().encodeResourceToString(outcome));
    }

}
