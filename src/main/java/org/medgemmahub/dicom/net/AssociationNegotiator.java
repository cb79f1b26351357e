package org.medgemmahub.dicom.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medgemmahub.dicom.data.Part10FileWriter;
import org.medgemmahub.dicom.data.SopClasses;
import org.medgemmahub.dicom.data.TransferSyntax;

/**
 * Answers an A-ASSOCIATE-RQ for the SCP: rejects a wrong called AE, a calling AE outside the allow-list, another
 * application context or protocol version; otherwise accepts every presentation context whose abstract syntax the hub
 * serves ({@link SopClasses}) with the first proposed transfer syntax it can decode ({@link TransferSyntax}), and
 * declines the rest so the peer transcodes or sends elsewhere.
 */
public final class AssociationNegotiator {
    private final ScpSettings settings;
    private final Set<String> abstractSyntaxes;

    public AssociationNegotiator(ScpSettings settings) {
        this(settings, SopClasses.accepted());
    }

    AssociationNegotiator(ScpSettings settings, Set<String> abstractSyntaxes) {
        this.settings = settings;
        this.abstractSyntaxes = Set.copyOf(abstractSyntaxes);
    }

    /** An {@link AssociateAccept} or an {@link AssociateReject}. */
    public Pdu negotiate(AssociateRequest rq) {
        if ((rq.protocolVersion() & 1) == 0) return AssociateReject.protocolVersionNotSupported();
        if (!AssociateRequest.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) return AssociateReject.applicationContextNotSupported();
        if (!settings.aeTitle().equals(rq.calledAeTitle())) return AssociateReject.calledAeNotRecognized();
        if (!settings.allowedCallingAeTitles().isEmpty() && !settings.allowedCallingAeTitles().contains(rq.callingAeTitle())) {
            return AssociateReject.callingAeNotRecognized();
        }
        List<PresentationContextResult> results = new ArrayList<>();
        for (PresentationContext pc : rq.presentationContexts()) results.add(answer(pc));
        return new AssociateAccept(rq.calledAeTitle(), rq.callingAeTitle(), AssociateRequest.DICOM_APPLICATION_CONTEXT, results,
                settings.maxPduLength(), Part10FileWriter.IMPLEMENTATION_CLASS_UID, Part10FileWriter.IMPLEMENTATION_VERSION_NAME);
    }

    private PresentationContextResult answer(PresentationContext pc) {
        String fallback = pc.transferSyntaxes().get(0);
        if (!abstractSyntaxes.contains(pc.abstractSyntax())) {
            return new PresentationContextResult(pc.id(), PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, fallback);
        }
        Optional<String> decodable = pc.transferSyntaxes().stream().filter(ts -> TransferSyntax.of(ts).isPresent()).findFirst();
        return decodable
                .map(ts -> new PresentationContextResult(pc.id(), PresentationContextResult.ACCEPTANCE, ts))
                .orElseGet(() -> new PresentationContextResult(pc.id(), PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED, fallback));
    }
}
