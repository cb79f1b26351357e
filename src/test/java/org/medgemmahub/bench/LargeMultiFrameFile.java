package org.medgemmahub.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.medgemmahub.dicom.data.Part10FileWriter;

/**
 * Writes a large synthetic Multi-frame Grayscale Word Secondary Capture object (1024x1024, 16 bits, explicit VR
 * little endian) straight to disk, frame by frame, so a benchmark gets a ~1 GB instance in seconds without holding it.
 */
public final class LargeMultiFrameFile {
    public static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.7.3";
    public static final String SOP_INSTANCE = "1.2.826.0.1.3680043.10.1413.9.3.900.1";
    static final int SIDE = 1024;
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String ROOT = "1.2.826.0.1.3680043.10.1413.9";
    /** The Series Instance UID of the object (its request id derives from it). */
    public static final String SERIES_INSTANCE = ROOT + ".2.900";
    private static final Set<String> LONG_FORM = Set.of("OB", "OW", "SQ", "UN", "UT");

    private LargeMultiFrameFile() {
    }

    /** @return bytes of Pixel Data written: {@code frames} x 1024 x 1024 x 2 */
    public static long write(Path file, int frames) throws IOException {
        long pixelBytes = (long) frames * SIDE * SIDE * 2;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            Part10FileWriter.writeHeader(out, SOP_CLASS, SOP_INSTANCE, EXPLICIT_LE, null);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            text(header, 0x00080016, "UI", SOP_CLASS);
            text(header, 0x00080018, "UI", SOP_INSTANCE);
            text(header, 0x00080060, "CS", "OT");
            text(header, 0x00100010, "PN", "BENCH^LARGE");
            text(header, 0x00100020, "LO", "BENCHLARGE");
            text(header, 0x0020000D, "UI", ROOT + ".1.900");
            text(header, 0x0020000E, "UI", SERIES_INSTANCE);
            text(header, 0x00200013, "IS", "1");
            us(header, 0x00280002, 1);
            text(header, 0x00280004, "CS", "MONOCHROME2");
            text(header, 0x00280008, "IS", String.valueOf(frames));
            us(header, 0x00280010, SIDE);
            us(header, 0x00280011, SIDE);
            us(header, 0x00280100, 16);
            us(header, 0x00280101, 16);
            us(header, 0x00280102, 15);
            us(header, 0x00280103, 0);
            elementHeader(header, 0x7FE00010, "OW", pixelBytes);
            out.write(header.toByteArray());
            ByteBuffer frame = ByteBuffer.allocate(SIDE * SIDE * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int f = 0; f < frames; f++) {
                frame.clear();
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) frame.putShort((short) ((x * 61 + y * 37 + f * 101) & 0xFFFF));
                }
                out.write(frame.array());
            }
        }
        return pixelBytes;
    }

    private static void text(ByteArrayOutputStream out, int tag, String vr, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length % 2 == 1) {
            byte[] padded = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, padded, 0, bytes.length);
            padded[bytes.length] = vr.equals("UI") ? 0 : (byte) ' ';
            bytes = padded;
        }
        elementHeader(out, tag, vr, bytes.length);
        out.writeBytes(bytes);
    }

    private static void us(ByteArrayOutputStream out, int tag, int value) {
        elementHeader(out, tag, "US", 2);
        out.writeBytes(new byte[] {(byte) value, (byte) (value >> 8)});
    }

    private static void elementHeader(ByteArrayOutputStream out, int tag, String vr, long length) {
        boolean longForm = LONG_FORM.contains(vr);
        ByteBuffer b = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (tag >>> 16)).putShort((short) tag).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longForm) b.putShort((short) 0).putInt((int) length);
        else b.putShort((short) length);
        out.writeBytes(b.array());
    }
}
