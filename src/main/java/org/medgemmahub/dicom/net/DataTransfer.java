package org.medgemmahub.dicom.net;

import java.util.List;

/** P-DATA-TF (PS3.8 9.3.5): one or more presentation data values. */
public record DataTransfer(List<Pdv> pdvs) implements Pdu {
    public DataTransfer {
        pdvs = List.copyOf(pdvs);
    }
}
