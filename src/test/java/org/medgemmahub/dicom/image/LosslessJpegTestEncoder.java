package org.medgemmahub.dicom.image;

import java.io.ByteArrayOutputStream;

/**
 * A minimal JPEG lossless (process 14) encoder for decoder tests that DCMTK cannot produce: restart intervals and
 * any predictor, one component, one Huffman table giving every difference category a 5-bit code.
 */
final class LosslessJpegTestEncoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int bitBuffer;
    private int bitCount;

    static byte[] encode(int[] samples, int width, int height, int precision, int predictor, int restartInterval) {
        return new LosslessJpegTestEncoder().run(samples, width, height, precision, predictor, restartInterval);
    }

    private byte[] run(int[] s, int width, int height, int precision, int predictor, int restartInterval) {
        marker(0xD8);
        marker(0xC4);
        word(2 + 1 + 16 + 17);
        out.write(0x00);
        for (int length = 1; length <= 16; length++) out.write(length == 5 ? 17 : 0);
        for (int symbol = 0; symbol <= 16; symbol++) out.write(symbol);
        marker(0xC3);
        word(8 + 3);
        out.write(precision);
        word(height);
        word(width);
        out.write(1);
        out.write(1);
        out.write(0x11);
        out.write(0);
        if (restartInterval > 0) {
            marker(0xDD);
            word(4);
            word(restartInterval);
        }
        marker(0xDA);
        word(6 + 2);
        out.write(1);
        out.write(1);
        out.write(0x00);
        out.write(predictor);
        out.write(0);
        out.write(0);
        int restartRow = 0;
        int count = 0;
        int marker = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (restartInterval > 0 && count == restartInterval) {
                    flush();
                    marker(0xD0 + (marker++ & 7));
                    count = 0;
                    restartRow = y;
                }
                int at = y * width + x;
                int prediction = prediction(s, at, x, y == restartRow, width, predictor, 1 << (precision - 1));
                difference((s[at] - prediction) & 0xFFFF);
                count++;
            }
        }
        flush();
        marker(0xD9);
        return out.toByteArray();
    }

    private static int prediction(int[] s, int at, int x, boolean firstRow, int width, int predictor, int initial) {
        if (firstRow) return x == 0 ? initial : s[at - 1];
        if (x == 0) return s[at - width];
        int a = s[at - 1];
        int b = s[at - width];
        int c = s[at - width - 1];
        return switch (predictor) {
            case 1 -> a;
            case 2 -> b;
            case 3 -> c;
            case 4 -> a + b - c;
            case 5 -> a + ((b - c) >> 1);
            case 6 -> b + ((a - c) >> 1);
            default -> (a + b) >> 1;
        };
    }

    /** A difference modulo 2^16 as category code plus extra bits (T.81 H.1.2.2 and F.1.2.1). */
    private void difference(int modulo) {
        int diff = modulo >= 32768 ? modulo - 65536 : modulo;
        if (modulo == 32768) {
            bits(16, 5);
            return;
        }
        int magnitude = Math.abs(diff);
        int category = magnitude == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(magnitude);
        bits(category, 5);
        if (category > 0) bits(diff > 0 ? diff : diff - 1, category);
    }

    private void bits(int value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            bitBuffer = bitBuffer << 1 | ((value >>> i) & 1);
            if (++bitCount == 8) emit();
        }
    }

    private void flush() {
        while (bitCount != 0) bits(1, 1);
    }

    private void emit() {
        int b = bitBuffer & 0xFF;
        out.write(b);
        if (b == 0xFF) out.write(0);
        bitBuffer = 0;
        bitCount = 0;
    }

    private void marker(int code) {
        out.write(0xFF);
        out.write(code);
    }

    private void word(int value) {
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }
}
