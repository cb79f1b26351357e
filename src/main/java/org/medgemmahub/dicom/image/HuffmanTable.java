package org.medgemmahub.dicom.image;

/** A JPEG Huffman table (ITU T.81 annex C and F.2.2.3), decoded with the MINCODE / MAXCODE / VALPTR procedure. */
final class HuffmanTable {
    private final int[] minCode = new int[17];
    private final int[] maxCode = new int[18];
    private final int[] valuePointer = new int[17];
    private final int[] values;

    HuffmanTable(int[] counts, int[] values) {
        this.values = values;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            valuePointer[length] = k;
            minCode[length] = code;
            code += counts[length - 1];
            k += counts[length - 1];
            maxCode[length] = counts[length - 1] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    /** The next symbol from the bit stream. */
    int decode(JpegBitReader bits) throws DicomRenderException {
        int code = bits.bit();
        for (int length = 1; length <= 16; length++) {
            if (maxCode[length] >= 0 && code <= maxCode[length] && code >= minCode[length]) {
                return values[valuePointer[length] + code - minCode[length]];
            }
            code = (code << 1) | bits.bit();
        }
        throw new DicomRenderException("JPEG lossless: invalid Huffman code");
    }
}
