package org.medgemmahub.dicom.image;

/**
 * One decoded frame: {@code components} stored values per pixel, interleaved (pixel by pixel), row by row.
 * Grayscale values are signed stored values; colour values are in the photometric interpretation's own space.
 */
record FrameSamples(int width, int height, int components, int[] data) {
    FrameSamples {
        if (data.length != width * height * components) {
            throw new IllegalArgumentException("frame holds " + data.length + " samples, expected "
                    + (long) width * height * components);
        }
    }
}
