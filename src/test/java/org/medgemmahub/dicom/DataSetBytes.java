package org.medgemmahub.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes data set bytes by hand for parser tests: explicit or implicit VR, either byte order, defined or undefined
 * lengths, and deliberately broken encodings. Only tests use it; the hub never writes DICOM files.
 */
public final class DataSetBytes {
    public static final int UNDEFINED = 0xFFFFFFFF;
    private static final Set<String> LONG_VRS = Set.of("OB", "OW", "OF", "SQ", "UT", "UN", "UC", "UR", "OD", "OL");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean explicitVr;
    private final boolean bigEndian;

    private DataSetBytes(boolean explicitVr, boolean bigEndian) {
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
    }

    public static DataSetBytes explicitLittle() {
        return new DataSetBytes(true, false);
    }

    public static DataSetBytes implicitLittle() {
        return new DataSetBytes(false, false);
    }

    public static DataSetBytes explicitBig() {
        return new DataSetBytes(true, true);
    }

    /** An element header (tag, VR if explicit, length) followed by {@code value}. */
    public DataSetBytes element(int tag, String vr, byte[] value) {
        return header(tag, vr, value.length).raw(value);
    }

    public DataSetBytes text(int tag, String vr, String value) {
        return element(tag, vr, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    public DataSetBytes us(int tag, int... values) {
        ByteBuffer buffer = buffer(2 * values.length);
        for (int v : values) buffer.putShort((short) v);
        return element(tag, "US", buffer.array());
    }

    /** Just the header, with any length (for undefined lengths, or lengths that lie). */
    public DataSetBytes header(int tag, String vr, int length) {
        tag(tag);
        if (explicitVr) {
            raw(vr.getBytes(StandardCharsets.US_ASCII));
            if (LONG_VRS.contains(vr)) {
                raw(new byte[2]);
                raw(buffer(4).putInt(length).array());
            } else {
                raw(buffer(2).putShort((short) length).array());
            }
        } else {
            raw(buffer(4).putInt(length).array());
        }
        return this;
    }

    /** An item, item delimiter or sequence delimiter: tag and 4-byte length, no VR. */
    public DataSetBytes item(int tag, int length) {
        tag(tag);
        return raw(buffer(4).putInt(length).array());
    }

    public DataSetBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    /** A Part 10 file: preamble, DICM, meta group (Explicit VR Little Endian) naming {@code transferSyntaxUid}, data set. */
    public static byte[] part10(String transferSyntaxUid, byte[] dataSet) {
        DataSetBytes meta = explicitLittle()
                .element(0x00020001, "OB", new byte[] {0, 1})
                .text(0x00020002, "UI", "1.2.840.10008.5.1.4.1.1.7\0")
                .text(0x00020003, "UI", "1.2.3.4\0")
                .text(0x00020010, "UI", transferSyntaxUid.length() % 2 == 0 ? transferSyntaxUid : transferSyntaxUid + "\0");
        byte[] group = meta.toBytes();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(explicitLittle().element(0x00020000, "UL",
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(group.length).array()).toBytes());
        file.writeBytes(group);
        file.writeBytes(dataSet);
        return file.toByteArray();
    }

    private void tag(int tag) {
        raw(buffer(2).putShort((short) (tag >>> 16)).array());
        raw(buffer(2).putShort((short) tag).array());
    }

    private ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }
}
