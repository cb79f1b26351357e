package org.medgemmahub.dicom.image;

import org.medgemmahub.dicom.data.DicomAttributes;
import org.medgemmahub.dicom.data.DicomElement;
import org.medgemmahub.dicom.data.Tag;

/** A Modality or VOI LUT item (PS3.3 C.11.1 / C.11.2): descriptor (entries, first mapped value, bits) and data. */
record LookupTable(int firstMapped, int bits, int[] entries) {

    static LookupTable of(DicomAttributes item, boolean signedInput) throws DicomRenderException {
        double[] descriptor = item.getDoubles(Tag.LUT_DESCRIPTOR);
        DicomElement data = item.get(Tag.LUT_DATA).orElse(null);
        if (descriptor.length != 3 || data == null) throw new DicomRenderException("LUT without a descriptor or data");
        int count = descriptor[0] == 0 ? 65536 : (int) descriptor[0];
        int first = (int) descriptor[1];
        if (signedInput && first > 32767) first -= 65536;
        int bits = (int) descriptor[2];
        byte[] bytes = data.value();
        if (bits > 16 || bits < 1 || bytes.length < 2 * count) {
            throw new DicomRenderException("LUT Data holds " + bytes.length + " bytes for " + count + " entries of "
                    + bits + " bits");
        }
        int[] entries = new int[count];
        for (int i = 0; i < count; i++) {
            int hi = bytes[2 * i + (data.bigEndian() ? 0 : 1)] & 0xFF;
            int lo = bytes[2 * i + (data.bigEndian() ? 1 : 0)] & 0xFF;
            entries[i] = hi << 8 | lo;
        }
        return new LookupTable(first, bits, entries);
    }

    /** The entry for {@code value}; values outside the table take its first or last entry. */
    int lookup(double value) {
        int index = (int) Math.round(value) - firstMapped;
        return entries[Math.max(0, Math.min(entries.length - 1, index))];
    }

    int maxOutput() {
        return (1 << bits) - 1;
    }
}
