package org.medgemmahub.dicom.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medgemmahub.dicom.data.SopClasses;
import org.medgemmahub.dicom.data.TransferSyntax;

/** Presentation contexts an SCU proposes: Verification, and one per SOP class and transfer syntax of its files. */
public final class ProposedContexts {
    public static final String VERIFICATION = SopClasses.VERIFICATION;

    private ProposedContexts() {
    }

    /** Verification in Explicit and Implicit VR Little Endian. */
    public static PresentationContext verification(int id) {
        return new PresentationContext(id, VERIFICATION,
                List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()));
    }

    /**
     * Verification first, then one context per distinct SOP class and transfer syntax of {@code files}, each proposing
     * only the file's own transfer syntax (files are sent as they are, never transcoded). At most 127 contexts.
     */
    public static List<PresentationContext> forFiles(List<Part10Input> files) {
        Map<String, PresentationContext> contexts = new LinkedHashMap<>();
        contexts.put("verification", verification(1));
        for (Part10Input file : files) {
            String key = file.sopClassUid() + "|" + file.transferSyntaxUid();
            if (contexts.containsKey(key)) continue;
            if (contexts.size() == 128) throw new IllegalArgumentException("more than 127 SOP class / transfer syntax pairs in one association");
            contexts.put(key, new PresentationContext(2 * contexts.size() + 1, file.sopClassUid(), List.of(file.transferSyntaxUid())));
        }
        return new ArrayList<>(contexts.values());
    }
}
