package org.medgemmahub.pipeline;

import java.time.Instant;

/**
 * One message that could not be processed, as an operator sees it: never its content, only what happened to it.
 *
 * @param queue          the dead-letter queue it is on
 * @param messageId      the broker's message id: what replay and discard name
 * @param requestId      the hub's request id, or null (a rejected HL7 message has none)
 * @param sourceKind     the channel it came from, or null
 * @param reason         short stable code and text of the last failure
 * @param attempts       model calls made, or null where not counted
 * @param firstFailureAt the first attempt of the model call budget, or null
 * @param lastFailureAt  when it was dead-lettered
 */
public record DeadLetter(String queue, String messageId, String requestId, String sourceKind, String reason,
                         Integer attempts, Instant firstFailureAt, Instant lastFailureAt) {
}
