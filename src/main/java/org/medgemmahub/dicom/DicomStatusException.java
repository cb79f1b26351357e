package org.medgemmahub.dicom;

/**
 * Thrown by a step of a {@code dicom:} route to answer the C-STORE with a given failure status; the message starts
 * with a short stable code (e.g. {@code DICOM-NOT-IMAGE: ...}). Only {@link DicomConsumer} turns it into a status.
 */
public class DicomStatusException extends RuntimeException {
    private final DicomStatus status;

    public DicomStatusException(DicomStatus status, String message) {
        super(message);
        this.status = status;
    }

    public DicomStatus status() {
        return status;
    }
}
