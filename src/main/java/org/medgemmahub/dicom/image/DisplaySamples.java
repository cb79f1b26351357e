package org.medgemmahub.dicom.image;

import java.awt.image.BufferedImage;
import org.medgemmahub.pipeline.ModelImages;

/**
 * A rendered frame: 8-bit display values, one channel (gray) or three interleaved in red, green, blue order, row by
 * row.
 */
record DisplaySamples(int width, int height, int channels, byte[] samples) {
    DisplaySamples {
        if ((channels != 1 && channels != 3) || samples.length != width * height * channels) {
            throw new IllegalArgumentException(channels + " channels in " + samples.length + " bytes for " + width + "x"
                    + height);
        }
    }

    /** At native resolution, an RGB image of interleaved bytes (gray in all three channels). */
    BufferedImage toImage() {
        return ModelImages.fit(samples, width, height, channels, Integer.MAX_VALUE);
    }

    /** Fitted within {@code maxSide} by area averaging. */
    BufferedImage fitted(int maxSide) {
        return ModelImages.fit(samples, width, height, channels, maxSide);
    }
}
