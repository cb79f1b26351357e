package org.medgemmahub.dicom.net;

import java.io.IOException;

/** A data set grew past the configured per-instance limit while being received; nothing of it is kept. */
public final class InstanceTooLargeException extends IOException {
    public InstanceTooLargeException(long limit) {
        super("DICOM-TOO-LARGE: the data set exceeds the limit of " + limit + " bytes per instance");
    }
}
