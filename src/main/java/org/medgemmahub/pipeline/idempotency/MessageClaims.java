package org.medgemmahub.pipeline.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the routes call so that a request reaches the model, and a result the FHIR server, at most once across
 * every hub sharing the database, whatever the broker redelivers, a sender re-sends or an operator replays.
 * <p>
 * Model calls are claimed (medgemma-infer): one hub at a time may call the model for a request id. A failed call
 * gives its claim up (medgemma-errors, before the retry is rescheduled or the request dead-lettered), so the next
 * copy can claim it. The call counts as done only when its result arrives on the results queue (fhir-write): that
 * proves the transaction that queued it committed, so no request is ever dropped for a result that was lost.
 * FHIR writes are recorded once the server accepted them; a result already written is dropped (completion only:
 * the conditional create still guards two hubs writing one result at the same moment).
 */
public class MessageClaims {
    private static final Logger log = LoggerFactory.getLogger(MessageClaims.class);

    private final ClaimStore store;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public MessageClaims(ClaimStore store, IdempotencyProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Claims the model call of a request. */
    public Claim claimInference(String requestId) {
        if (!properties.enabled()) return Claim.claimed(ProcessingStage.INFERENCE, requestId, "");
        Claim claim = store.claim(ProcessingStage.INFERENCE, requestId);
        if (!claim.claimed()) log.info("{} of {} {}", ProcessingStage.INFERENCE.column(), requestId,
                claim.alreadyDone() ? "already done: message dropped" : "held by another hub: scheduled again for " + claim.retryAt());
        return claim;
    }

    /** Gives a claim up after a failed call (the request is rescheduled or dead-lettered); null: nothing was claimed. */
    public void release(Claim claim) {
        if (!properties.enabled() || claim == null || !claim.claimed()) return;
        try {
            store.release(claim);
        } catch (RuntimeException e) {
            // the lease runs out instead; the message itself is safe on the broker
            log.warn("claim on {} {} not released ({}); it runs out after {}", claim.stage().column(), claim.messageId(),
                    e.getClass().getSimpleName(), properties.lease());
        }
    }

    /** The result of a request is on the results queue, so its model call is done for good. */
    public void resultReceived(String requestId) {
        if (properties.enabled()) store.recordDone(ProcessingStage.INFERENCE, requestId);
    }

    /** Whether the result of a request was written to FHIR before (then the message is dropped). */
    public boolean alreadyWritten(String requestId) {
        if (!properties.enabled() || !store.isDone(ProcessingStage.FHIR_WRITE, requestId)) return false;
        log.info("{} of {} already done: message dropped", ProcessingStage.FHIR_WRITE.column(), requestId);
        return true;
    }

    /** The FHIR server accepted the result: recorded at once, whatever happens to the transaction. */
    public void written(String requestId) {
        if (properties.enabled()) store.recordDone(ProcessingStage.FHIR_WRITE, requestId);
    }

    /** Deletes completed claims older than hub.idempotency.retention; returns how many. */
    public int purge() {
        int purged = store.purgeCompletedBefore(clock.instant().minus(properties.retention()));
        if (purged > 0) log.info("{} completed claims older than {} purged", purged, properties.retention());
        return purged;
    }
}
