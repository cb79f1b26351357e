package org.medgemmahub.pipeline.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the routes call so that a request reaches the model, and a result the FHIR server, at most once across
 * every hub sharing the database, whatever the broker redelivers, a sender re-sends or an operator replays.
 * <p>
 * The claims follow the JMS transaction of the consuming route (camel-jms, {@code transacted: true}): a model
 * claim is completed only after the transaction that put the result on the results queue has committed, and
 * released when it rolled back or ended without a result (a retry rescheduled by medgemma-errors, a dead letter),
 * so the rescheduled copy can claim it again. A FHIR claim is completed as soon as the server accepted the write.
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
        return claim(ProcessingStage.INFERENCE, requestId);
    }

    /** Claims the FHIR write of a result (by its request id). */
    public Claim claimWrite(String requestId) {
        return claim(ProcessingStage.FHIR_WRITE, requestId);
    }

    /** The result of the claimed request is on the results queue: done once the transaction commits. */
    public void resultQueued(Claim claim) {
        if (!properties.enabled() || !claim.claimed()) return;
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.complete(claim);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                store.complete(claim);
            }
        });
    }

    /** The claimed result was accepted by the FHIR server: done now, whatever happens to the transaction. */
    public void written(Claim claim) {
        if (properties.enabled() && claim.claimed()) store.complete(claim);
    }

    /** Deletes completed claims older than hub.idempotency.retention; returns how many. */
    public int purge() {
        int purged = store.purgeCompletedBefore(clock.instant().minus(properties.retention()));
        if (purged > 0) log.info("{} completed claims older than {} purged", purged, properties.retention());
        return purged;
    }

    private Claim claim(ProcessingStage stage, String messageId) {
        if (!properties.enabled()) return Claim.claimed(stage, messageId, "");
        Claim claim = store.claim(stage, messageId);
        if (claim.claimed() && TransactionSynchronizationManager.isSynchronizationActive()) {
            // after a commit that completed the claim this deletes nothing (completed rows are never deleted here)
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    releaseQuietly(claim);
                }
            });
        }
        if (!claim.claimed()) log.info("{} of {} {}", stage.column(), messageId,
                claim.alreadyDone() ? "already done: message dropped" : "held by another hub: scheduled again for " + claim.retryAt());
        return claim;
    }

    private void releaseQuietly(Claim claim) {
        try {
            store.release(claim);
        } catch (RuntimeException e) {
            // the lease runs out instead; the message itself is safe on the broker
            log.warn("claim on {} {} not released ({}); it runs out after {}", claim.stage().column(), claim.messageId(),
                    e.getClass().getSimpleName(), properties.lease());
        }
    }
}
