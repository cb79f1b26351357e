package org.medgemmahub.dicom.image;

/**
 * Entropy-coded segment bits (ITU T.81 F.2.2.5), read ahead into a 64-bit buffer: unstuffs FF00, stops at a marker
 * (then feeds zero bits, so corrupt data ends in a decode error, never a hang) and finds restart markers.
 */
final class JpegBitReader {
    /** Zero bytes fed past a marker before the data counts as ended early: one buffer's look-ahead, then 8 more. */
    private static final int MAX_ZERO_BYTES = 16;

    private final byte[] data;
    private int position;
    /** Unconsumed bits are the low {@code count} bits, the next one highest. */
    private long buffer;
    private int count;
    private boolean atMarker;
    private int zeroBytesFed;

    JpegBitReader(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    /** The next {@code n} (1 to 16) bits, not consumed. */
    int peek(int n) throws DicomRenderException {
        if (count < n) fill();
        return (int) (buffer >>> (count - n)) & ((1 << n) - 1);
    }

    /** Consumes {@code n} bits, at most as many as the last {@link #peek} looked at. */
    void skip(int n) {
        count -= n;
    }

    int bit() throws DicomRenderException {
        return bits(1);
    }

    /** The next {@code n} (0 to 16) bits, consumed. */
    int bits(int n) throws DicomRenderException {
        if (n == 0) return 0;
        int value = peek(n);
        count -= n;
        return value;
    }

    /** Skips to the byte boundary and over a restart marker RST0..RST7. */
    void restart() throws DicomRenderException {
        buffer = 0;
        count = 0;
        atMarker = false;
        zeroBytesFed = 0;
        while (position + 1 < data.length && !((data[position] & 0xFF) == 0xFF
                && (data[position + 1] & 0xFF) >= 0xD0 && (data[position + 1] & 0xFF) <= 0xD7)) {
            position++;
        }
        if (position + 1 >= data.length) throw new DicomRenderException("JPEG lossless: restart marker missing");
        position += 2;
    }

    /** Position of the first marker (other than RSTn) after the scan's data. */
    int positionAfterScan() {
        int p = position;
        while (p + 1 < data.length) {
            int next = data[p + 1] & 0xFF;
            if ((data[p] & 0xFF) == 0xFF && next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) return p;
            p++;
        }
        return data.length;
    }

    /** Tops the buffer up to more than 56 bits; never reads past a marker. */
    private void fill() throws DicomRenderException {
        while (count <= 56) {
            int b = 0;
            if (!atMarker && position < data.length) {
                b = data[position] & 0xFF;
                if (b != 0xFF) {
                    position++;
                } else if (position + 1 < data.length && data[position + 1] == 0) {
                    position += 2;
                } else {
                    atMarker = true;
                    b = 0;
                    feedZero();
                }
            } else {
                feedZero();
            }
            buffer = buffer << 8 | b;
            count += 8;
        }
    }

    private void feedZero() throws DicomRenderException {
        if (++zeroBytesFed > MAX_ZERO_BYTES) {
            throw new DicomRenderException("JPEG lossless: entropy-coded data ends early");
        }
    }
}
