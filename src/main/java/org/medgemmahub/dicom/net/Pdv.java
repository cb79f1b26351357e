package org.medgemmahub.dicom.net;

/** A presentation data value item of a P-DATA-TF: a fragment of a command or data set on one presentation context. */
public record Pdv(int contextId, boolean command, boolean last, byte[] data) {
    /** Bytes of the item header (item length, context id, message control header). */
    public static final int HEADER_LENGTH = 6;
}
