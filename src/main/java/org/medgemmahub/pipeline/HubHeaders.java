package org.medgemmahub.pipeline;

/** Names of the hub's own message headers; Java identifiers, so JMS keeps them as properties. */
public final class HubHeaders {
    private HubHeaders() {
    }

    /** The {@link InferenceRequest#id()} the message belongs to. */
    public static final String REQUEST_ID = "HubRequestId";
    /** The channel the input came from ({@link SourceKind} name). */
    public static final String SOURCE_KIND = "HubSourceKind";
    /** Model calls made so far for this request (1 on the first try). */
    public static final String ATTEMPT = "HubAttempt";
    /** Epoch millis of the first model call, the start of the redelivery budget. */
    public static final String FIRST_ATTEMPT_AT = "HubFirstAttemptAt";
    /** Short stable code and text of the last failure, e.g. {@code MODEL-503: ...}; on rejected and dead letters. */
    public static final String FAILURE_REASON = "HubFailureReason";
    /** Epoch millis when a message was dead-lettered or rejected. */
    public static final String FAILED_AT = "HubFailedAt";
}
