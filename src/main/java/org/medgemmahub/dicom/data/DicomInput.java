package org.medgemmahub.dicom.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/** A byte stream with a position, a byte order and the {@link ReadLimits}; every short read is a parse error. */
final class DicomInput {
    private static final int CHUNK = 1 << 20;

    private final PushbackInputStream in;
    private final ReadLimits limits;
    private long position;
    private long valueBytes;

    DicomInput(InputStream in, ReadLimits limits, long startPosition) {
        this.in = in instanceof PushbackInputStream pushback ? pushback : new PushbackInputStream(in, 8);
        this.limits = limits;
        this.position = startPosition;
    }

    PushbackInputStream stream() {
        return in;
    }

    long position() {
        return position;
    }

    /** True when the stream has no more bytes (consumes nothing). */
    boolean atEnd() throws IOException {
        int b = readByte();
        if (b < 0) return true;
        in.unread(b);
        position--;
        return false;
    }

    /** The next tag without consuming it; -1 at the end of the stream. */
    long peekTag(boolean bigEndian) throws IOException {
        byte[] bytes = new byte[4];
        int n = in.readNBytes(bytes, 0, 4);
        in.unread(bytes, 0, n);
        if (n < 4) return -1;
        return tagOf(bytes, bigEndian) & 0xFFFFFFFFL;
    }

    int readTag(boolean bigEndian, String what) throws IOException {
        return tagOf(readFully(4, what), bigEndian);
    }

    int readUInt16(boolean bigEndian, String what) throws IOException {
        byte[] b = readFully(2, what);
        return bigEndian ? (b[0] & 0xFF) << 8 | (b[1] & 0xFF) : (b[1] & 0xFF) << 8 | (b[0] & 0xFF);
    }

    long readUInt32(boolean bigEndian, String what) throws IOException {
        byte[] b = readFully(4, what);
        return bigEndian
                ? (b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | (b[3] & 0xFFL)
                : (b[3] & 0xFFL) << 24 | (b[2] & 0xFFL) << 16 | (b[1] & 0xFFL) << 8 | (b[0] & 0xFFL);
    }

    String readAscii(int length, String what) throws IOException {
        return new String(readFully(length, what), StandardCharsets.US_ASCII);
    }

    /**
     * A value of {@code length} bytes, checked against the limits first and read in chunks, so a declared length
     * larger than what the stream holds fails as truncation without allocating it.
     */
    byte[] readValue(long length, int tag) throws IOException {
        String element = Tag.toString(tag);
        if (length > limits.maxValueLength()) {
            throw new DicomParseException(element + " at offset " + position + " declares " + length
                    + " bytes, more than the limit of " + limits.maxValueLength());
        }
        valueBytes += length;
        if (valueBytes > limits.maxTotalBytes()) {
            throw new DicomParseException("data set exceeds the limit of " + limits.maxTotalBytes() + " bytes at "
                    + element + ", offset " + position);
        }
        if (length <= CHUNK) return readFully((int) length, element);
        long start = position;
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        long remaining = length;
        while (remaining > 0) {
            int n = (int) Math.min(CHUNK, remaining);
            byte[] chunk = read(n);
            out.write(chunk, 0, chunk.length);
            remaining -= chunk.length;
            if (chunk.length < n) {
                throw new DicomParseException("truncated: " + element + " at offset " + start + " declares " + length
                        + " bytes but the data ends after " + out.size());
            }
        }
        return out.toByteArray();
    }

    /** Skips {@code length} bytes of {@code what} without reading them into memory (a seek on a file). */
    void skip(long length, String what) throws IOException {
        long start = position;
        try {
            in.skipNBytes(length);
        } catch (EOFException e) {
            throw new DicomParseException("truncated: " + what + " at offset " + start + " declares " + length
                    + " bytes but the data ends before", e);
        } catch (ZipException e) {
            throw new DicomParseException("corrupt deflated data set near offset " + position + ": " + e.getMessage(), e);
        }
        position += length;
    }

    private byte[] readFully(int length, String what) throws IOException {
        long start = position;
        byte[] bytes = read(length);
        if (bytes.length < length) {
            throw new DicomParseException("truncated: data ends at offset " + (start + bytes.length) + " inside " + what
                    + " (needed " + length + " bytes from offset " + start + ")");
        }
        return bytes;
    }

    private byte[] read(int length) throws IOException {
        try {
            byte[] bytes = in.readNBytes(length);
            position += bytes.length;
            return bytes;
        } catch (ZipException | EOFException e) {
            throw new DicomParseException("corrupt deflated data set near offset " + position + ": " + e.getMessage(), e);
        }
    }

    private int readByte() throws IOException {
        byte[] one = read(1);
        return one.length == 0 ? -1 : one[0] & 0xFF;
    }

    private static int tagOf(byte[] b, boolean bigEndian) {
        int group = bigEndian ? (b[0] & 0xFF) << 8 | (b[1] & 0xFF) : (b[1] & 0xFF) << 8 | (b[0] & 0xFF);
        int element = bigEndian ? (b[2] & 0xFF) << 8 | (b[3] & 0xFF) : (b[3] & 0xFF) << 8 | (b[2] & 0xFF);
        return group << 16 | element;
    }
}
