package org.medgemmahub.fhir.intake;

import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.IntakePausedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends intake requests through the {@code fhir-intake} route ({@code routes/fhir-intake.camel.yaml}), which puts each on
 * the requests queue with its duplicate-detection id. The call is synchronous: it returns after the broker has them.
 */
@Component
class CamelIntakeQueue implements IntakeQueue {
    static final String ENDPOINT = "direct:fhir-intake";
    /** What a refused sender is told to wait while back-pressure holds. */
    static final String RETRY_AFTER_SECONDS = "30";
    private static final Logger log = LoggerFactory.getLogger(CamelIntakeQueue.class);

    private final ProducerTemplate producer;

    CamelIntakeQueue(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void queue(List<InferenceRequest> requests) {
        try {
            producer.requestBody(ENDPOINT, requests);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof IntakePausedException paused) {
                log.warn("{}: {} FHIR request(s) refused", IntakePausedException.CODE, requests.size());
                IntakeUnavailableException busy = new IntakeUnavailableException(paused.getMessage());
                busy.addResponseHeader("Retry-After", RETRY_AFTER_SECONDS);
                throw busy;
            }
            log.error("FHIR-INTAKE-NOT-QUEUED: {} request(s) not queued: {}", requests.size(), cause.getClass().getSimpleName());
            throw new IntakeUnavailableException("FHIR-INTAKE-NOT-QUEUED: the report could not be queued; nothing was accepted, please resend");
        }
    }
}
