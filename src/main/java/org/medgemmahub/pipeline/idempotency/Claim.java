package org.medgemmahub.pipeline.idempotency;

import java.time.Instant;

/**
 * The answer to a claim on a message id at one stage. Only a {@link Outcome#CLAIMED} claim may do the work; it is
 * then completed (the work is done, for good) or released (it failed, and a redelivery may claim again).
 *
 * @param token   identifies this claim in the store (empty unless claimed)
 * @param retryAt when to look again at a message whose id another hub holds (at the latest when that claim runs out)
 */
public record Claim(ProcessingStage stage, String messageId, Outcome outcome, String token, Instant retryAt) {
    public enum Outcome {
        /** This hub holds the claim and does the work. */
        CLAIMED,
        /** The work was done before (by this or another hub): skip the message. */
        ALREADY_DONE,
        /** Another hub is doing the work now: try again later. */
        HELD_ELSEWHERE
    }

    static Claim claimed(ProcessingStage stage, String messageId, String token) {
        return new Claim(stage, messageId, Outcome.CLAIMED, token, null);
    }

    static Claim done(ProcessingStage stage, String messageId) {
        return new Claim(stage, messageId, Outcome.ALREADY_DONE, "", null);
    }

    static Claim heldElsewhere(ProcessingStage stage, String messageId, Instant retryAt) {
        return new Claim(stage, messageId, Outcome.HELD_ELSEWHERE, "", retryAt);
    }

    public boolean claimed() {
        return outcome == Outcome.CLAIMED;
    }

    public boolean alreadyDone() {
        return outcome == Outcome.ALREADY_DONE;
    }

    public boolean heldElsewhere() {
        return outcome == Outcome.HELD_ELSEWHERE;
    }

    /** Epoch millis to schedule the next try of a message held elsewhere (for Artemis _AMQ_SCHED_DELIVERY). */
    public long retryAtMillis() {
        return retryAt == null ? System.currentTimeMillis() : retryAt.toEpochMilli();
    }
}
