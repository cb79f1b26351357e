package org.medgemmahub.dicom.image;

/**
 * Colour frames to RGB: RGB as is (scaled to 8 bits), YBR_FULL and YBR_FULL_422 through the full-range YCbCr
 * equations of PS3.3 C.7.6.3.1.2, and YBR_RCT / YBR_ICT, which the JPEG 2000 codec has already turned into RGB.
 */
final class ColorRendering {
    private ColorRendering() {
    }

    static DisplaySamples render(FrameSamples frame, PixelDescription d) throws DicomRenderException {
        if (frame.components() != 3) {
            throw new DicomRenderException(d.photometric() + " with " + frame.components() + " samples per pixel");
        }
        boolean ybr = switch (d.photometric()) {
            case "RGB", "YBR_RCT", "YBR_ICT" -> false;
            case "YBR_FULL", "YBR_FULL_422" -> true;
            default -> throw new DicomRenderException("photometric interpretation " + d.photometric()
                    + " is not supported (MONOCHROME1/2, RGB, YBR_FULL, YBR_FULL_422, YBR_RCT, YBR_ICT)");
        };
        int shift = Math.max(0, d.bitsStored() - 8);
        int[] s = frame.data();
        byte[] rgb = new byte[s.length];
        for (int i = 0; i < s.length; i += 3) {
            int a = s[i] >> shift;
            int b = s[i + 1] >> shift;
            int c = s[i + 2] >> shift;
            if (ybr) {
                double y = a;
                double cb = b - 128.0;
                double cr = c - 128.0;
                a = clamp(y + 1.402 * cr);
                b = clamp(y - 0.344136 * cb - 0.714136 * cr);
                c = clamp(y + 1.772 * cb);
            }
            rgb[i] = (byte) clamp(a);
            rgb[i + 1] = (byte) clamp(b);
            rgb[i + 2] = (byte) clamp(c);
        }
        return new DisplaySamples(frame.width(), frame.height(), 3, rgb);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
