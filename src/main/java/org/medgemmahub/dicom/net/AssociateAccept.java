package org.medgemmahub.dicom.net;

import java.util.List;
import java.util.Optional;

/** A-ASSOCIATE-AC (PS3.8 9.3.3): one result per proposed presentation context and the acceptor's max PDU length. */
public record AssociateAccept(
        String calledAeTitle,
        String callingAeTitle,
        String applicationContext,
        List<PresentationContextResult> results,
        int maxPduLength,
        String implementationClassUid,
        String implementationVersionName) implements Pdu {

    public AssociateAccept {
        results = List.copyOf(results);
    }

    public Optional<PresentationContextResult> result(int contextId) {
        return results.stream().filter(r -> r.id() == contextId).findFirst();
    }
}
