package org.medgemmahub.dicom.net;

/** A-ABORT (PS3.8 9.3.8): source 0 (service user) or 2 (service provider) and, from the provider, a reason. */
public record Abort(int source, int reason) implements Pdu {
    public static final int SOURCE_SERVICE_USER = 0;
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int UNRECOGNIZED_PDU = 1;
    public static final int UNEXPECTED_PDU = 2;
    public static final int UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int UNEXPECTED_PDU_PARAMETER = 5;
    public static final int INVALID_PDU_PARAMETER_VALUE = 6;

    public static Abort byProvider(int reason) {
        return new Abort(SOURCE_SERVICE_PROVIDER, reason);
    }

    @Override
    public String toString() {
        return "A-ABORT source " + source + " reason " + reason;
    }
}
