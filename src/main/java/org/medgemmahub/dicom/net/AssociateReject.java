package org.medgemmahub.dicom.net;

/** A-ASSOCIATE-RJ (PS3.8 9.3.4) with the result, source and reason codes of table 9-21. */
public record AssociateReject(int result, int source, int reason) implements Pdu {
    public static final int PERMANENT = 1;
    public static final int TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    public static final int SOURCE_ACSE = 2;
    public static final int SOURCE_PRESENTATION = 3;

    /** Reasons from the service user (source 1). */
    public static final int NO_REASON = 1;
    public static final int APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
    public static final int CALLING_AE_NOT_RECOGNIZED = 3;
    public static final int CALLED_AE_NOT_RECOGNIZED = 7;
    /** Reason from the ACSE provider (source 2). */
    public static final int PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    /** Reasons from the presentation provider (source 3). */
    public static final int TEMPORARY_CONGESTION = 1;
    public static final int LOCAL_LIMIT_EXCEEDED = 2;

    public static AssociateReject callingAeNotRecognized() {
        return new AssociateReject(PERMANENT, SOURCE_SERVICE_USER, CALLING_AE_NOT_RECOGNIZED);
    }

    public static AssociateReject calledAeNotRecognized() {
        return new AssociateReject(PERMANENT, SOURCE_SERVICE_USER, CALLED_AE_NOT_RECOGNIZED);
    }

    public static AssociateReject applicationContextNotSupported() {
        return new AssociateReject(PERMANENT, SOURCE_SERVICE_USER, APPLICATION_CONTEXT_NOT_SUPPORTED);
    }

    public static AssociateReject protocolVersionNotSupported() {
        return new AssociateReject(PERMANENT, SOURCE_ACSE, PROTOCOL_VERSION_NOT_SUPPORTED);
    }

    public static AssociateReject localLimitExceeded() {
        return new AssociateReject(TRANSIENT, SOURCE_PRESENTATION, LOCAL_LIMIT_EXCEEDED);
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-RJ result " + result + " source " + source + " reason " + reason;
    }
}
