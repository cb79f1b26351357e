package org.medgemmahub.fhir.intake;

import java.util.List;
import org.medgemmahub.pipeline.InferenceRequest;

/** The durable hand-off of intake requests: when {@link #queue} returns, every request is on the requests queue. */
interface IntakeQueue {
    /** @throws IntakeUnavailableException when they could not all be queued; the sender must resend */
    void queue(List<InferenceRequest> requests);
}
