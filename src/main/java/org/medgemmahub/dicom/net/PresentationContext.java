package org.medgemmahub.dicom.net;

import java.util.List;

/** A presentation context proposed in an A-ASSOCIATE-RQ: an odd id, one abstract syntax, its transfer syntaxes. */
public record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes) {
    public PresentationContext {
        if (id < 1 || id > 255 || id % 2 == 0) throw new IllegalArgumentException("presentation context id must be odd 1-255: " + id);
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
