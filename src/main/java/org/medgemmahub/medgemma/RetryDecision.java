package org.medgemmahub.medgemma;

/**
 * What to do with a request whose model call failed.
 *
 * @param retry          true: send it back to the requests queue for delivery at {@code deliverAt}; false: dead-letter it
 * @param nextAttempt    the attempt number the redelivered message carries
 * @param firstAttemptAt epoch millis of the first attempt (start of the redelivery window)
 * @param deliverAt      epoch millis at which the broker delivers the retry (Artemis scheduled delivery)
 * @param reason         the failure, with its code, for the header and the log
 */
public record RetryDecision(boolean retry, int nextAttempt, long firstAttemptAt, long deliverAt, String reason) {
}
