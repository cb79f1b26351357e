package org.medgemmahub.dicom.image;

/**
 * Native (uncompressed) Pixel Data, little endian (the parser swaps big-endian words): any Bits Allocated of 8, 16 or
 * 32, Bits Stored / High Bit masking, signed values, both planar configurations, and YBR_FULL_422's packed pairs.
 */
final class NativeFrameDecoder {
    private NativeFrameDecoder() {
    }

    static FrameSamples decode(byte[] pixelData, PixelDescription d, int frameIndex) throws DicomRenderException {
        long frameBytes = d.nativeFrameBytes();
        long start = frameBytes * frameIndex;
        if (start + frameBytes > pixelData.length) {
            throw new DicomRenderException("Pixel Data holds " + pixelData.length + " bytes; frame " + (frameIndex + 1)
                    + " of " + d.numberOfFrames() + " needs bytes " + start + " to " + (start + frameBytes));
        }
        int bytes = d.bitsAllocated() / 8;
        int shift = d.nativeShift();
        if ("YBR_FULL_422".equals(d.photometric())) return unpack422(pixelData, (int) start, d);
        int pixels = d.pixelCount();
        int spp = d.samplesPerPixel();
        int[] out = new int[pixels * spp];
        boolean planar = spp > 1 && d.planarConfiguration() == 1;
        if (planar || bytes == 4) {
            for (int i = 0; i < out.length; i++) {
                int sourceIndex = planar ? (i % spp) * pixels + i / spp : i;
                int raw = word(pixelData, (int) start + sourceIndex * bytes, bytes);
                out[i] = d.storedValue(raw >>> shift);
            }
        } else {
            storedValues(pixelData, (int) start, bytes, shift, d.bitsStored(), d.signed(), out);
        }
        return new FrameSamples(d.columns(), d.rows(), spp, out);
    }

    /**
     * 8- or 16-bit words from {@code start} on as stored values, as {@link PixelDescription#storedValue}: shifted
     * down, masked to Bits Stored by shifting up and back, sign-extended on the way back if signed.
     */
    private static void storedValues(byte[] data, int start, int bytes, int shift, int bitsStored, boolean signed,
                                     int[] out) {
        int up = 32 - bitsStored;
        if (bytes == 1) {
            for (int i = 0; i < out.length; i++) {
                int word = (data[start + i] & 0xFF) >>> shift << up;
                out[i] = signed ? word >> up : word >>> up;
            }
            return;
        }
        for (int i = 0, at = start; i < out.length; i++, at += 2) {
            int word = ((data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8) >>> shift << up;
            out[i] = signed ? word >> up : word >>> up;
        }
    }

    /** Y1 Y2 Cb Cr for each horizontal pair of pixels (PS3.3 C.7.6.3.1.2), spread to Y Cb Cr per pixel. */
    private static FrameSamples unpack422(byte[] data, int start, PixelDescription d) throws DicomRenderException {
        if (d.bitsAllocated() != 8) throw new DicomRenderException("YBR_FULL_422 with Bits Allocated " + d.bitsAllocated());
        int width = d.columns();
        int[] out = new int[d.pixelCount() * 3];
        int pairsPerRow = (width + 1) / 2;
        for (int y = 0; y < d.rows(); y++) {
            for (int pair = 0; pair < pairsPerRow; pair++) {
                int in = start + (y * pairsPerRow + pair) * 4;
                int cb = data[in + 2] & 0xFF;
                int cr = data[in + 3] & 0xFF;
                for (int k = 0; k < 2 && pair * 2 + k < width; k++) {
                    int o = (y * width + pair * 2 + k) * 3;
                    out[o] = data[in + k] & 0xFF;
                    out[o + 1] = cb;
                    out[o + 2] = cr;
                }
            }
        }
        return new FrameSamples(width, d.rows(), 3, out);
    }

    private static int word(byte[] data, int offset, int bytes) {
        return switch (bytes) {
            case 1 -> data[offset] & 0xFF;
            case 2 -> (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
            default -> (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16
                    | (data[offset + 3] & 0xFF) << 24;
        };
    }
}
