package org.medgemmahub.dicom.image;

import java.util.Arrays;

/**
 * RLE Lossless (PS3.5 annex G): a 64-byte header with up to 15 segment offsets, then one PackBits-style segment per
 * byte plane, ordered sample by sample and, within a sample, most significant byte first.
 */
final class RleDecoder {
    private RleDecoder() {
    }

    static FrameSamples decode(byte[] frame, PixelDescription d) throws DicomRenderException {
        if (frame.length < 64) throw new DicomRenderException("RLE frame shorter than its 64-byte header");
        int bytesPerSample = d.bitsAllocated() / 8;
        int spp = d.samplesPerPixel();
        int segments = (int) uint32(frame, 0);
        if (segments != spp * bytesPerSample) {
            throw new DicomRenderException("RLE header names " + segments + " segments; the image needs "
                    + spp * bytesPerSample);
        }
        int pixels = d.pixelCount();
        int[] raw = new int[pixels * spp];
        byte[] plane = new byte[pixels];
        for (int segment = 0; segment < segments; segment++) {
            long begin = uint32(frame, 4 + 4 * segment);
            long end = segment + 1 < segments ? uint32(frame, 8 + 4 * segment) : frame.length;
            if (begin < 64 || end > frame.length || begin > end) {
                throw new DicomRenderException("RLE segment " + (segment + 1) + " offsets " + begin + ".." + end
                        + " are outside the frame of " + frame.length + " bytes");
            }
            unpack(frame, (int) begin, (int) end, plane, segment);
            int sample = segment / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - segment % bytesPerSample);
            for (int p = 0; p < pixels; p++) raw[p * spp + sample] |= (plane[p] & 0xFF) << shift;
        }
        int nativeShift = d.nativeShift();
        for (int i = 0; i < raw.length; i++) raw[i] = d.storedValue(raw[i] >>> nativeShift);
        return new FrameSamples(d.columns(), d.rows(), spp, raw);
    }

    /** One segment: n >= 0 copies n+1 literal bytes, -127..-1 repeats the next byte 1-n times, -128 is a no-op. */
    private static void unpack(byte[] in, int position, int end, byte[] out, int segment) throws DicomRenderException {
        int written = 0;
        while (written < out.length && position < end) {
            int n = in[position++];
            if (n >= 0) {
                int count = n + 1;
                if (position + count > end || written + count > out.length) throw overrun(segment);
                System.arraycopy(in, position, out, written, count);
                position += count;
                written += count;
            } else if (n != -128) {
                int count = 1 - n;
                if (position >= end || written + count > out.length) throw overrun(segment);
                Arrays.fill(out, written, written + count, in[position++]);
                written += count;
            }
        }
        if (written < out.length) {
            throw new DicomRenderException("RLE segment " + (segment + 1) + " decodes to " + written + " bytes, expected "
                    + out.length);
        }
    }

    private static DicomRenderException overrun(int segment) {
        return new DicomRenderException("RLE segment " + (segment + 1) + " runs past its end or the image size");
    }

    private static long uint32(byte[] b, int offset) {
        return (b[offset] & 0xFFL) | (b[offset + 1] & 0xFFL) << 8 | (b[offset + 2] & 0xFFL) << 16
                | (b[offset + 3] & 0xFFL) << 24;
    }
}
