package org.medgemmahub.dicom.net;

import java.io.IOException;

/** The called SCP answered A-ASSOCIATE-RJ. */
public class AssociationRejectedException extends IOException {
    private final AssociateReject reject;

    public AssociationRejectedException(AssociateReject reject) {
        super("association rejected: " + reject);
        this.reject = reject;
    }

    public AssociateReject reject() {
        return reject;
    }
}
