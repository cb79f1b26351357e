package org.medgemmahub.dicom.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.medgemmahub.dicom.data.DicomAttributes;
import org.medgemmahub.dicom.data.Tag;

/**
 * MONOCHROME1/2 frames to 8-bit pixels (PS3.3 C.11): modality LUT or rescale, then a VOI window (explicit, else the
 * file's first window, else its first VOI LUT, else a robust min-max), then MONOCHROME1 inversion; or, for CT in
 * three-window mode, MedGemma's three Hounsfield windows in red, green and blue.
 */
final class GrayscaleRendering {
    /** MedGemma's CT preparation: red -1024..1024 HU, green -135..215 HU, blue 0..80 HU. */
    static final double[][] CT_WINDOWS = {{-1024, 1024}, {-135, 215}, {0, 80}};
    private static final double ROBUST_FRACTION = 0.005;

    private GrayscaleRendering() {
    }

    static BufferedImage render(FrameSamples frame, PixelDescription d, FrameAttributes attributes, boolean threeWindow,
                                VoiWindow override) throws DicomRenderException {
        double[] values = modalityValues(frame, d, attributes);
        if (threeWindow && override == null) return threeWindows(values, frame.width(), frame.height());
        VoiFunction voi = voi(values, d, attributes, override);
        boolean invert = "MONOCHROME1".equals(d.photometric());
        // Gray levels go into R, G and B of an RGB image: drawing a TYPE_BYTE_GRAY image into RGB (as JPEG encoding
        // paths do) would treat it as linear gray and brighten it.
        int[] rgb = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int level = (int) Math.round(voi.apply(values[i]) * 255);
            if (invert) level = 255 - level;
            rgb[i] = level << 16 | level << 8 | level;
        }
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, frame.width(), frame.height(), rgb, 0, frame.width());
        return image;
    }

    /** The VOI transformation the grayscale rendering uses for this frame. */
    static VoiFunction voi(double[] values, PixelDescription d, FrameAttributes attributes, VoiWindow override)
            throws DicomRenderException {
        DicomAttributes windowHolder = attributes.holding(Tag.WINDOW_CENTER, Tag.FRAME_VOI_LUT_SEQUENCE);
        String function = windowHolder.getString(Tag.VOI_LUT_FUNCTION);
        if (override != null) return new VoiFunction.Window(override, "LINEAR");
        double[] centers = windowHolder.getDoubles(Tag.WINDOW_CENTER);
        double[] widths = windowHolder.getDoubles(Tag.WINDOW_WIDTH);
        if (centers.length > 0 && widths.length > 0 && Double.isFinite(centers[0]) && widths[0] >= 1) {
            return new VoiFunction.Window(new VoiWindow(centers[0], widths[0]), function);
        }
        List<DicomAttributes> luts = attributes.top().getSequence(Tag.VOI_LUT_SEQUENCE);
        if (!luts.isEmpty()) return new VoiFunction.Lut(LookupTable.of(luts.get(0), d.signed()));
        return new VoiFunction.Window(robustMinMax(values, attributes.top()), "LINEAR");
    }

    /** The 0.5th to 99.5th percentile of the modality values (Pixel Padding Value left out), as a window. */
    static VoiWindow robustMinMax(double[] values, DicomAttributes dataSet) {
        Integer padding = dataSet.getInt(Tag.PIXEL_PADDING_VALUE);
        int step = Math.max(1, values.length / 1_000_000);
        double[] sample = new double[(values.length + step - 1) / step];
        int n = 0;
        for (int i = 0; i < values.length; i += step) {
            if (padding == null || values[i] != padding) sample[n++] = values[i];
        }
        if (n == 0) return new VoiWindow(0.5, 1);
        Arrays.sort(sample, 0, n);
        double low = sample[(int) Math.floor(ROBUST_FRACTION * (n - 1))];
        double high = sample[(int) Math.ceil((1 - ROBUST_FRACTION) * (n - 1))];
        if (high <= low) high = low + 1;
        return new VoiWindow((low + high + 1) / 2, high - low + 1);
    }

    static double[] modalityValues(FrameSamples frame, PixelDescription d, FrameAttributes attributes)
            throws DicomRenderException {
        int[] stored = frame.data();
        double[] values = new double[stored.length];
        List<DicomAttributes> lut = attributes.top().getSequence(Tag.MODALITY_LUT_SEQUENCE);
        if (!lut.isEmpty()) {
            LookupTable table = LookupTable.of(lut.get(0), d.signed());
            for (int i = 0; i < stored.length; i++) values[i] = table.lookup(stored[i]);
            return values;
        }
        DicomAttributes holder = attributes.holding(Tag.RESCALE_SLOPE, Tag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE);
        double[] slopes = holder.getDoubles(Tag.RESCALE_SLOPE);
        double[] intercepts = holder.getDoubles(Tag.RESCALE_INTERCEPT);
        double slope = slopes.length > 0 && Double.isFinite(slopes[0]) && slopes[0] != 0 ? slopes[0] : 1;
        double intercept = intercepts.length > 0 && Double.isFinite(intercepts[0]) ? intercepts[0] : 0;
        for (int i = 0; i < stored.length; i++) values[i] = stored[i] * slope + intercept;
        return values;
    }

    private static BufferedImage threeWindows(double[] hu, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[hu.length];
        for (int i = 0; i < hu.length; i++) {
            int pixel = 0;
            for (double[] window : CT_WINDOWS) {
                double level = (hu[i] - window[0]) / (window[1] - window[0]);
                pixel = pixel << 8 | (int) Math.round(Math.max(0, Math.min(1, level)) * 255);
            }
            rgb[i] = pixel;
        }
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }
}
