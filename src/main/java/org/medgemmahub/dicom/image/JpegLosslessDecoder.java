package org.medgemmahub.dicom.image;

import java.util.HashMap;
import java.util.Map;

/**
 * JPEG lossless, process 14 (ITU T.81 annex H; DICOM 1.2.840.10008.1.2.4.57 and .70): SOF3, Huffman tables from the
 * stream, predictors 1 to 7, point transform, restart intervals, 2 to 16 bits, one or more components (sampling 1x1)
 * in interleaved or separate scans.
 */
final class JpegLosslessDecoder {
    private final byte[] data;
    private final Map<Integer, HuffmanTable> tables = new HashMap<>();
    private int precision;
    private int width;
    private int height;
    private int[] componentIds;
    private int restartInterval;
    private int[] samples;

    private JpegLosslessDecoder(byte[] data) {
        this.data = data;
    }

    /** Decoded samples, interleaved by component, as unsigned values of the frame's precision. */
    static FrameSamples decode(byte[] jpeg) throws DicomRenderException {
        try {
            return new JpegLosslessDecoder(jpeg).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new DicomRenderException("JPEG lossless: stream ends inside a marker segment", e);
        }
    }

    private FrameSamples run() throws DicomRenderException {
        if (data.length < 4 || u8(0) != 0xFF || u8(1) != 0xD8) throw new DicomRenderException("JPEG: no SOI marker");
        int p = 2;
        while (p + 4 <= data.length) {
            if (u8(p) != 0xFF) throw new DicomRenderException("JPEG lossless: expected a marker at byte " + p);
            int marker = u8(p + 1);
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if (marker == 0xD9) break;
            int length = u16(p + 2);
            int segment = p + 4;
            switch (marker) {
                case 0xC4 -> readHuffmanTables(segment, p + 2 + length);
                case 0xC3 -> readFrameHeader(segment);
                case 0xDD -> restartInterval = u16(segment);
                case 0xDA -> {
                    p = decodeScan(segment);
                    continue;
                }
                case 0xC0, 0xC1, 0xC2, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                        throw new DicomRenderException(String.format("JPEG process SOF%d is not lossless process 14",
                                marker - 0xC0));
                default -> { } // APPn, COM, DNL and the like carry nothing the decoder needs
            }
            p += 2 + length;
        }
        if (samples == null) throw new DicomRenderException("JPEG lossless: no frame header or scan");
        return new FrameSamples(width, height, componentIds.length, samples);
    }

    private void readFrameHeader(int p) throws DicomRenderException {
        precision = u8(p);
        height = u16(p + 1);
        width = u16(p + 3);
        int count = u8(p + 5);
        if (precision < 2 || precision > 16 || width == 0 || height == 0 || count == 0 || count > 4) {
            throw new DicomRenderException("JPEG lossless: unsupported frame " + width + "x" + height + ", " + precision
                    + " bits, " + count + " components");
        }
        if ((long) width * height > PixelDescription.MAX_PIXELS) {
            throw new DicomRenderException("JPEG lossless frame of " + width + "x" + height + " is too large");
        }
        componentIds = new int[count];
        for (int i = 0; i < count; i++) {
            componentIds[i] = u8(p + 6 + 3 * i);
            if (u8(p + 7 + 3 * i) != 0x11) throw new DicomRenderException("JPEG lossless: subsampled components");
        }
        samples = new int[width * height * count];
    }

    private void readHuffmanTables(int p, int end) {
        while (p < end) {
            int classAndId = u8(p);
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8(p + 1 + i);
                total += counts[i];
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) values[i] = u8(p + 17 + i);
            tables.put(classAndId & 0x0F, new HuffmanTable(counts, values));
            p += 17 + total;
        }
    }

    /** Decodes one scan; returns the position of the marker after it. */
    private int decodeScan(int p) throws DicomRenderException {
        if (samples == null) throw new DicomRenderException("JPEG lossless: scan before frame header");
        int count = u8(p);
        int[] index = new int[count];
        HuffmanTable[] scanTables = new HuffmanTable[count];
        for (int i = 0; i < count; i++) {
            index[i] = componentIndex(u8(p + 1 + 2 * i));
            scanTables[i] = tables.get(u8(p + 2 + 2 * i) >>> 4);
            if (scanTables[i] == null) throw new DicomRenderException("JPEG lossless: scan uses an undefined table");
        }
        int predictor = u8(p + 1 + 2 * count);
        int pointTransform = u8(p + 3 + 2 * count) & 0x0F;
        if (predictor < 1 || predictor > 7) throw new DicomRenderException("JPEG lossless: predictor " + predictor);
        JpegBitReader bits = new JpegBitReader(data, p + 4 + 2 * count);
        int components = componentIds.length;
        int initial = 1 << (precision - pointTransform - 1);
        int mask = (1 << (precision - pointTransform)) - 1;
        // predictions use the point-transformed values; without a transform those are the samples themselves
        int[] reduced = pointTransform == 0 ? samples : new int[samples.length];
        int restartRow = 0;
        int sinceRestart = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (restartInterval > 0 && sinceRestart == restartInterval) {
                    bits.restart();
                    sinceRestart = 0;
                    restartRow = y; // T.81 H.2: a lossless restart interval is a whole number of rows
                }
                int pixel = (y * width + x) * components;
                for (int c = 0; c < count; c++) {
                    int at = pixel + index[c];
                    int prediction = y == restartRow ? (x == 0 ? initial : reduced[at - components])
                            : predict(reduced, at, x, components, predictor);
                    reduced[at] = (prediction + scanTables[c].difference(bits)) & mask;
                }
                sinceRestart++;
            }
        }
        if (pointTransform != 0) {
            for (int pixel = 0; pixel < samples.length; pixel += components) {
                for (int c = 0; c < count; c++) samples[pixel + index[c]] = reduced[pixel + index[c]] << pointTransform;
            }
        }
        return bits.positionAfterScan();
    }

    /**
     * T.81 H.1.2.1 below the first row of the scan or restart interval (that row predicts from the left): a row's
     * first sample from above, the others by the scan's predictor.
     */
    private int predict(int[] v, int at, int x, int components, int predictor) {
        int b = v[at - width * components];
        if (x == 0) return b;
        int a = v[at - components];
        if (predictor == 1) return a;
        int c = v[at - width * components - components];
        return switch (predictor) {
            case 2 -> b;
            case 3 -> c;
            case 4 -> a + b - c;
            case 5 -> a + ((b - c) >> 1);
            case 6 -> b + ((a - c) >> 1);
            default -> (a + b) >> 1;
        };
    }

    private int componentIndex(int id) throws DicomRenderException {
        for (int i = 0; i < componentIds.length; i++) {
            if (componentIds[i] == id) return i;
        }
        throw new DicomRenderException("JPEG lossless: scan names unknown component " + id);
    }

    private int u8(int p) {
        return data[p] & 0xFF;
    }

    private int u16(int p) {
        return (data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF);
    }
}
