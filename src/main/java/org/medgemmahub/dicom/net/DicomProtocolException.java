package org.medgemmahub.dicom.net;

import java.io.IOException;

/** A peer broke the upper-layer protocol; the association is aborted with {@link #abortReason()}. */
public class DicomProtocolException extends IOException {
    private final int abortReason;

    public DicomProtocolException(int abortReason, String message) {
        super(message);
        this.abortReason = abortReason;
    }

    /** The A-ABORT reason (PS3.8 table 9-26) the association is aborted with. */
    public int abortReason() {
        return abortReason;
    }
}
