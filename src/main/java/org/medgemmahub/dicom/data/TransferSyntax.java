package org.medgemmahub.dicom.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * The transfer syntaxes (PS3.5 section 10 and annex A) the hub can decode, and therefore the only ones it accepts in
 * association negotiation; a PACS transcodes anything else (JPEG-LS, JPEG extended 12-bit, MPEG, ...) or sends it
 * elsewhere.
 */
public enum TransferSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", false, false, false, false),
    EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", true, false, false, false),
    DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1.99", true, false, true, false),
    EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", true, true, false, false),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", true, false, false, true),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", true, false, false, true),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", true, false, false, true),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", true, false, false, true),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", true, false, false, true),
    JPEG_2000("1.2.840.10008.1.2.4.91", true, false, false, true);

    private final String uid;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;

    TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {
        this.uid = uid;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.encapsulated = encapsulated;
    }

    public String uid() {
        return uid;
    }

    /** Value representations are written in the data set (every syntax but Implicit VR Little Endian). */
    public boolean explicitVr() {
        return explicitVr;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    /** The data set after the File Meta Information is a raw deflate (RFC 1951) stream. */
    public boolean deflated() {
        return deflated;
    }

    /** Pixel Data is encapsulated: an offset table item, then compressed fragments (PS3.5 A.4). */
    public boolean encapsulated() {
        return encapsulated;
    }

    /** The accepted syntax with this UID; empty for any syntax the hub cannot decode. */
    public static Optional<TransferSyntax> of(String uid) {
        String trimmed = uid == null ? "" : uid.trim();
        return Arrays.stream(values()).filter(ts -> ts.uid.equals(trimmed)).findFirst();
    }
}
