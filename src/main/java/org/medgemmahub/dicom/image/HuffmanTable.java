package org.medgemmahub.dicom.image;

/**
 * A JPEG Huffman table (ITU T.81 annex C and F.2.2.3): codes up to {@value #LOOKUP_BITS} bits through one table
 * look-up, longer ones with the MINCODE / MAXCODE / VALPTR procedure. For lossless scans, a second look-up gives a
 * whole difference (code and extra bits) when both fit in {@value #DIFFERENCE_BITS} bits.
 */
final class HuffmanTable {
    static final int LOOKUP_BITS = 9;
    static final int DIFFERENCE_BITS = 12;

    private final int[] minCode = new int[17];
    private final int[] maxCode = new int[18];
    private final int[] valuePointer = new int[17];
    private final int[] values;
    /** By the next {@value #LOOKUP_BITS} bits: code length << 8 | value, or 0 for a longer (or no) code. */
    private final short[] lookup = new short[1 << LOOKUP_BITS];
    /** By the next {@value #DIFFERENCE_BITS} bits: difference << 8 | bits used, or 0 when they do not hold both. */
    private final int[] differences = new int[1 << DIFFERENCE_BITS];

    HuffmanTable(int[] counts, int[] values) {
        this.values = values;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            valuePointer[length] = k;
            minCode[length] = code;
            if (length <= LOOKUP_BITS) fillLookup(length, code, k, counts[length - 1]);
            if (length <= DIFFERENCE_BITS) fillDifferences(length, code, k, counts[length - 1]);
            code += counts[length - 1];
            k += counts[length - 1];
            maxCode[length] = counts[length - 1] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    private void fillLookup(int length, int firstCode, int firstValue, int count) {
        int spread = LOOKUP_BITS - length;
        for (int i = 0; i < count && firstValue + i < values.length; i++) {
            int from = (firstCode + i) << spread;
            int to = (firstCode + i + 1) << spread;
            if (to > lookup.length) return; // more codes than the length allows: a corrupt table
            for (int p = from; p < to; p++) lookup[p] = (short) (length << 8 | values[firstValue + i]);
        }
    }

    private void fillDifferences(int length, int firstCode, int firstValue, int count) {
        for (int i = 0; i < count && firstValue + i < values.length; i++) {
            int category = values[firstValue + i];
            int extraBits = category == 16 ? 0 : category;
            if (category > 16 || length + extraBits > DIFFERENCE_BITS) continue;
            int code = firstCode + i;
            if (code >= 1 << length) return; // more codes than the length allows: a corrupt table
            int spread = DIFFERENCE_BITS - length - extraBits;
            for (int extra = 0; extra < 1 << extraBits; extra++) {
                int entry = differenceOf(category, extra) << 8 | (length + extraBits);
                int from = ((code << extraBits) | extra) << spread;
                for (int p = from; p < from + (1 << spread); p++) differences[p] = entry;
            }
        }
    }

    /** T.81 H.1.2.2 and F.1.2.1.1: a difference from its category (SSSS) and extra bits. */
    private static int differenceOf(int category, int extra) {
        if (category == 0) return 0;
        if (category == 16) return 32768;
        return extra < (1 << (category - 1)) ? extra - (1 << category) + 1 : extra;
    }

    /** The next lossless difference: a category symbol, then that many extra bits. */
    int difference(JpegBitReader bits) throws DicomRenderException {
        int entry = differences[bits.peek(DIFFERENCE_BITS)];
        if (entry != 0) {
            bits.skip(entry & 0xFF);
            return entry >> 8;
        }
        int category = decode(bits);
        if (category > 16) throw new DicomRenderException("JPEG lossless: difference category " + category);
        return differenceOf(category, category == 16 ? 0 : bits.bits(category));
    }

    /** The next symbol from the bit stream. */
    int decode(JpegBitReader bits) throws DicomRenderException {
        int entry = lookup[bits.peek(LOOKUP_BITS)];
        if (entry != 0) {
            bits.skip(entry >> 8);
            return entry & 0xFF;
        }
        int next = bits.peek(16);
        for (int length = LOOKUP_BITS + 1; length <= 16; length++) {
            int code = next >>> (16 - length);
            if (maxCode[length] >= 0 && code <= maxCode[length] && code >= minCode[length]) {
                int index = valuePointer[length] + code - minCode[length];
                if (index >= values.length) break;
                bits.skip(length);
                return values[index];
            }
        }
        throw new DicomRenderException("JPEG lossless: invalid Huffman code");
    }
}
