package org.medgemmahub.dicom.image;

import java.util.Locale;

/** The VOI transformation (PS3.3 C.11.2): a window (LINEAR, LINEAR_EXACT or SIGMOID) or a VOI LUT, to 0..1. */
sealed interface VoiFunction {

    /** The displayed intensity, 0 (black for MONOCHROME2) to 1, of a modality value. */
    double apply(double value);

    record Window(VoiWindow window, String function) implements VoiFunction {
        public Window {
            function = function == null ? "LINEAR" : function.trim().toUpperCase(Locale.ROOT);
        }

        @Override
        public double apply(double x) {
            double c = window.center();
            double w = window.width();
            if ("SIGMOID".equals(function)) return 1.0 / (1.0 + Math.exp(-4.0 * (x - c) / w));
            if ("LINEAR_EXACT".equals(function)) {
                if (x <= c - w / 2) return 0;
                if (x > c + w / 2) return 1;
                return (x - c) / w + 0.5;
            }
            double center = c - 0.5;
            double half = (w - 1) / 2;
            if (x <= center - half) return 0;
            if (x > center + half) return 1;
            return half == 0 ? 1 : (x - center) / (w - 1) + 0.5;
        }
    }

    record Lut(LookupTable table) implements VoiFunction {
        @Override
        public double apply(double x) {
            return table.lookup(x) / (double) table.maxOutput();
        }
    }
}
