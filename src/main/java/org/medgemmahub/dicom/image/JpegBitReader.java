package org.medgemmahub.dicom.image;

/**
 * Entropy-coded segment bits (ITU T.81 F.2.2.5): unstuffs FF00, stops at a marker (then feeds zero bits, so corrupt
 * data ends in a decode error, never a hang) and finds restart markers.
 */
final class JpegBitReader {
    private final byte[] data;
    private int position;
    private int buffer;
    private int bitsLeft;
    private boolean atMarker;
    private int zeroBytesFed;

    JpegBitReader(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    int bit() throws DicomRenderException {
        if (bitsLeft == 0) fill();
        bitsLeft--;
        return (buffer >>> bitsLeft) & 1;
    }

    int bits(int count) throws DicomRenderException {
        int value = 0;
        for (int i = 0; i < count; i++) value = (value << 1) | bit();
        return value;
    }

    /** Skips to the byte boundary and over a restart marker RST0..RST7. */
    void restart() throws DicomRenderException {
        bitsLeft = 0;
        atMarker = false;
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

    private void fill() throws DicomRenderException {
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
        buffer = b;
        bitsLeft = 8;
    }

    private void feedZero() throws DicomRenderException {
        if (++zeroBytesFed > 8) throw new DicomRenderException("JPEG lossless: entropy-coded data ends early");
    }
}
