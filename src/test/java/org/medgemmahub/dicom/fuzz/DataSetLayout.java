package org.medgemmahub.dicom.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the top-level elements of a valid Little Endian data set sit (explicit or implicit VR), so a fuzzer can aim at
 * a length field, a VR or Pixel Data. Sequences and encapsulated Pixel Data of undefined length are stepped over.
 */
record DataSetLayout(List<Element> elements) {
    static final int PIXEL_DATA = 0x7FE00010;
    static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final Set<String> LONG_LENGTH_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

    /**
     * One top-level element.
     *
     * @param vrOffset     where its two VR bytes are, -1 in implicit VR
     * @param lengthOffset where its length field is, {@code lengthSize} (2 or 4) bytes long
     * @param end          the offset just after its value (after the delimiter when of undefined length)
     */
    record Element(int tag, int start, int vrOffset, int lengthOffset, int lengthSize, long length, int valueOffset, int end) {
        boolean undefinedLength() {
            return length == UNDEFINED;
        }
    }

    static DataSetLayout of(byte[] dataSet, boolean explicitVr) {
        List<Element> elements = new ArrayList<>();
        int position = 0;
        while (position + 8 <= dataSet.length) {
            Element element = element(dataSet, position, explicitVr);
            elements.add(element);
            position = element.end();
        }
        return new DataSetLayout(List.copyOf(elements));
    }

    Optional<Element> find(int tag) {
        return elements.stream().filter(e -> e.tag() == tag).findFirst();
    }

    private static Element element(byte[] d, int at, boolean explicitVr) {
        int tag = tag(d, at);
        int vrOffset = -1;
        int lengthOffset = at + 4;
        int lengthSize = 4;
        if (explicitVr) {
            vrOffset = at + 4;
            String vr = new String(d, vrOffset, 2, StandardCharsets.US_ASCII);
            if (LONG_LENGTH_VRS.contains(vr)) {
                lengthOffset = at + 8;
            } else {
                lengthOffset = at + 6;
                lengthSize = 2;
            }
        }
        long length = lengthSize == 2 ? u16(d, lengthOffset) : u32(d, lengthOffset);
        int valueOffset = lengthOffset + lengthSize;
        int end = length == UNDEFINED ? sequenceEnd(d, valueOffset, explicitVr) : (int) (valueOffset + length);
        return new Element(tag, at, vrOffset, lengthOffset, lengthSize, length, valueOffset, end);
    }

    /** The offset after the sequence delimiter of items starting at {@code at} (also encapsulated fragments). */
    private static int sequenceEnd(byte[] d, int at, boolean explicitVr) {
        int position = at;
        while (true) {
            int tag = tag(d, position);
            long length = u32(d, position + 4);
            position += 8;
            if (tag == SEQUENCE_END) return position;
            if (tag != ITEM) throw new IllegalStateException("not a valid sample: " + Integer.toHexString(tag) + " in a sequence");
            position = length == UNDEFINED ? itemEnd(d, position, explicitVr) : (int) (position + length);
        }
    }

    private static int itemEnd(byte[] d, int at, boolean explicitVr) {
        int position = at;
        while (tag(d, position) != ITEM_END) position = element(d, position, explicitVr).end();
        return position + 8;
    }

    static int tag(byte[] d, int at) {
        return u16(d, at) << 16 | u16(d, at + 2);
    }

    private static int u16(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }
}
