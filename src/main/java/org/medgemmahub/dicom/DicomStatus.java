package org.medgemmahub.dicom;

import org.medgemmahub.dicom.net.Status;

/** The DIMSE statuses (PS3.7 annex C, PS3.4 B.2.3) the hub answers a C-STORE with. */
public enum DicomStatus {
    /** Stored and handed off. */
    SUCCESS(Status.SUCCESS),
    /** Refused: the hub could not store or hand off the instance now (spool full, broker down); the SCU may resend. */
    OUT_OF_RESOURCES(Status.OUT_OF_RESOURCES),
    /** Error: the data set does not match the SOP class of the request. */
    DATASET_DOES_NOT_MATCH_SOP_CLASS(Status.DATASET_DOES_NOT_MATCH_SOP_CLASS),
    /** Error: the instance cannot be understood (bad UIDs, unparseable data set). */
    CANNOT_UNDERSTAND(Status.CANNOT_UNDERSTAND),
    /** Refused: SOP class not supported. */
    SOP_CLASS_NOT_SUPPORTED(Status.SOP_CLASS_NOT_SUPPORTED);

    private final int code;

    DicomStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return name() + " (" + Status.hex(code) + ")";
    }
}
