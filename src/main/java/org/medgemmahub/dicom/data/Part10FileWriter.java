package org.medgemmahub.dicom.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a DICOM Part 10 file (PS3.10 section 7): a 128-byte zero preamble, "DICM", the File Meta Information (group
 * 0002, Explicit VR Little Endian, with its group length), then the data set bytes exactly as received, in the
 * transfer syntax the meta information names. The data set is streamed, never held whole.
 */
public final class Part10FileWriter {
    /** The hub's Implementation Class UID (a UUID-derived UID, PS3.5 B.2), also sent in association negotiation. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.174726043206751247973632431386850686680";
    /** The hub's Implementation Version Name (at most 16 characters). */
    public static final String IMPLEMENTATION_VERSION_NAME = "MEDGEMMA_HUB_01";

    private static final int PREAMBLE_LENGTH = 128;

    private Part10FileWriter() {
    }

    /**
     * Writes preamble, prefix and File Meta Information; the caller then writes the data set to the same stream.
     *
     * @param sourceAeTitle the AE that sent the instance (0002,0016), or null to leave it out
     */
    public static void writeHeader(OutputStream out, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                                   String sourceAeTitle) throws IOException {
        ByteArrayOutputStream group = new ByteArrayOutputStream();
        element(group, 0x0001, "OB", new byte[] {0, 1});
        element(group, 0x0002, "UI", uid(sopClassUid));
        element(group, 0x0003, "UI", uid(sopInstanceUid));
        element(group, 0x0010, "UI", uid(transferSyntaxUid));
        element(group, 0x0012, "UI", uid(IMPLEMENTATION_CLASS_UID));
        element(group, 0x0013, "SH", text(IMPLEMENTATION_VERSION_NAME));
        if (sourceAeTitle != null && !sourceAeTitle.isBlank()) element(group, 0x0016, "AE", text(sourceAeTitle.trim()));

        ByteArrayOutputStream header = new ByteArrayOutputStream(PREAMBLE_LENGTH + 4 + 12 + group.size());
        header.writeBytes(new byte[PREAMBLE_LENGTH]);
        header.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        element(header, 0x0000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(group.size()).array());
        header.writeBytes(group.toByteArray());
        out.write(header.toByteArray());
    }

    /** A whole Part 10 file: the header, then {@code dataSet} copied unchanged until its end. */
    public static void write(OutputStream out, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                             String sourceAeTitle, InputStream dataSet) throws IOException {
        writeHeader(out, sopClassUid, sopInstanceUid, transferSyntaxUid, sourceAeTitle);
        dataSet.transferTo(out);
    }

    private static void element(ByteArrayOutputStream out, int element, String vr, byte[] value) {
        boolean longForm = vr.equals("OB");
        ByteBuffer header = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0x0002).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longForm) header.putShort((short) 0).putInt(value.length);
        else header.putShort((short) value.length);
        out.writeBytes(header.array());
        out.writeBytes(value);
    }

    private static byte[] uid(String uid) {
        return pad(uid.trim(), (byte) 0);
    }

    private static byte[] text(String value) {
        return pad(value, (byte) ' ');
    }

    private static byte[] pad(String value, byte padding) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length % 2 == 0) return bytes;
        byte[] padded = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        padded[bytes.length] = padding;
        return padded;
    }
}
