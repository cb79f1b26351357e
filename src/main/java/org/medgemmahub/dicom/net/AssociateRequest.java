package org.medgemmahub.dicom.net;

import java.util.List;

/**
 * A-ASSOCIATE-RQ (PS3.8 9.3.2). AE titles are held without padding; {@code maxPduLength} is the largest P-DATA-TF the
 * requester accepts (0: no limit).
 */
public record AssociateRequest(
        int protocolVersion,
        String calledAeTitle,
        String callingAeTitle,
        String applicationContext,
        List<PresentationContext> presentationContexts,
        int maxPduLength,
        String implementationClassUid,
        String implementationVersionName) implements Pdu {

    /** The DICOM application context name, the only one defined (PS3.7 annex A.2.1). */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    public AssociateRequest {
        presentationContexts = List.copyOf(presentationContexts);
    }
}
