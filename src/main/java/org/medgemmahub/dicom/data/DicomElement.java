package org.medgemmahub.dicom.data;

import java.util.List;

/**
 * One parsed data element: its tag, VR (from the stream, or from {@link ImplicitVrDictionary} in implicit VR, "UN"
 * when unknown) and either its raw value bytes (in the byte order of {@code bigEndian}), its sequence items, or, for
 * encapsulated Pixel Data, its fragments.
 */
public record DicomElement(int tag, String vr, byte[] value, boolean bigEndian, List<DicomAttributes> items,
                           EncapsulatedPixelData encapsulated) {

    static DicomElement ofValue(int tag, String vr, byte[] value, boolean bigEndian) {
        return new DicomElement(tag, vr, value, bigEndian, List.of(), null);
    }

    static DicomElement ofSequence(int tag, List<DicomAttributes> items) {
        return new DicomElement(tag, "SQ", new byte[0], false, List.copyOf(items), null);
    }

    static DicomElement ofEncapsulated(int tag, String vr, EncapsulatedPixelData fragments) {
        return new DicomElement(tag, vr, new byte[0], false, List.of(), fragments);
    }

    public boolean isSequence() {
        return "SQ".equals(vr);
    }

    public boolean isEncapsulated() {
        return encapsulated != null;
    }

    @Override
    public String toString() {
        return Tag.toString(tag) + " " + vr + " #" + value.length;
    }
}
