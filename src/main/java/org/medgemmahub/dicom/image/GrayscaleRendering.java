package org.medgemmahub.dicom.image;

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

    static DisplaySamples render(FrameSamples frame, PixelDescription d, FrameAttributes attributes,
                                 boolean threeWindow, VoiWindow override) throws DicomRenderException {
        ModalityValues values = ModalityValues.of(frame, attributes, d.signed());
        if (threeWindow && override == null) {
            byte[] rgb = values.toRgb(hu -> windowLevel(hu, CT_WINDOWS[0]), hu -> windowLevel(hu, CT_WINDOWS[1]),
                    hu -> windowLevel(hu, CT_WINDOWS[2]));
            return new DisplaySamples(frame.width(), frame.height(), 3, rgb);
        }
        VoiFunction voi = voi(values, d, attributes, override);
        boolean invert = "MONOCHROME1".equals(d.photometric());
        byte[] gray = values.toLevels(value -> {
            int level = (int) Math.round(voi.apply(value) * 255);
            return invert ? 255 - level : level;
        });
        return new DisplaySamples(frame.width(), frame.height(), 1, gray);
    }

    /** The VOI transformation the grayscale rendering uses for this frame. */
    static VoiFunction voi(ModalityValues values, PixelDescription d, FrameAttributes attributes, VoiWindow override)
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

    /**
     * The 0.5th to 99.5th percentile of the modality values (Pixel Padding Value left out), as a window; above a
     * million pixels, of an evenly strided sample of about a million.
     */
    static VoiWindow robustMinMax(ModalityValues values, DicomAttributes dataSet) {
        Integer padding = dataSet.getInt(Tag.PIXEL_PADDING_VALUE);
        int step = Math.max(1, values.pixelCount() / 1_000_000);
        double[] range = values.quantiles(step, padding, ROBUST_FRACTION, 1 - ROBUST_FRACTION);
        if (Double.isNaN(range[0])) return new VoiWindow(0.5, 1);
        double low = range[0];
        double high = range[1];
        if (high <= low) high = low + 1;
        return new VoiWindow((low + high + 1) / 2, high - low + 1);
    }

    private static int windowLevel(double hu, double[] window) {
        double level = (hu - window[0]) / (window[1] - window[0]);
        return (int) Math.round(Math.max(0, Math.min(1, level)) * 255);
    }
}
