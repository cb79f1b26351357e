package org.medgemmahub.pipeline;

import java.util.Arrays;

/**
 * Downscales 8-bit interleaved samples (1 to 4 channels) by area averaging: each target pixel is the mean of the
 * source area it covers, partial source pixels at its edges weighted by their overlap. Separable (a row pass, then a
 * column pass over reduced rows), so each source sample is read once; no aliasing whatever the factor.
 */
public final class AreaAverageScaler {
    private AreaAverageScaler() {
    }

    /** {@code source} of {@code width} x {@code height} pixels scaled down (or kept) to the target size. */
    public static byte[] scale(byte[] source, int width, int height, int channels, int targetWidth, int targetHeight) {
        if (targetWidth < 1 || targetHeight < 1 || targetWidth > width || targetHeight > height) {
            throw new IllegalArgumentException("target " + targetWidth + "x" + targetHeight + " is not within "
                    + width + "x" + height);
        }
        if (source.length < width * height * channels) throw new IllegalArgumentException("source array too short");
        Spans columns = Spans.of(width, targetWidth);
        Spans rows = Spans.of(height, targetHeight);
        int rowLength = targetWidth * channels;
        byte[] target = new byte[rowLength * targetHeight];
        float[] reduced = new float[rowLength];
        float[] sum = new float[rowLength];
        int reducedRow = -1;
        for (int y = 0; y < targetHeight; y++) {
            Arrays.fill(sum, 0f);
            for (int k = rows.start[y], w = rows.weightStart[y]; k < rows.end[y]; k++, w++) {
                if (k != reducedRow) {
                    reduceRow(source, k * width * channels, channels, columns, reduced);
                    reducedRow = k;
                }
                float weight = rows.weights[w];
                for (int i = 0; i < rowLength; i++) sum[i] += reduced[i] * weight;
            }
            int out = y * rowLength;
            for (int i = 0; i < rowLength; i++) {
                int value = (int) (sum[i] + 0.5f);
                target[out + i] = (byte) (value > 255 ? 255 : value);
            }
        }
        return target;
    }

    private static void reduceRow(byte[] source, int rowStart, int channels, Spans columns, float[] reduced) {
        int targetWidth = columns.start.length;
        if (channels == 1) {
            for (int x = 0; x < targetWidth; x++) {
                float value = 0;
                for (int k = columns.weightStart[x], i = rowStart + columns.start[x], end = rowStart + columns.end[x];
                     i < end; i++, k++) {
                    value += (source[i] & 0xFF) * columns.weights[k];
                }
                reduced[x] = value;
            }
            return;
        }
        for (int x = 0; x < targetWidth; x++) {
            int w = columns.weightStart[x];
            int end = columns.end[x];
            for (int c = 0; c < channels; c++) {
                float value = 0;
                int at = rowStart + columns.start[x] * channels + c;
                for (int k = w, i = columns.start[x]; i < end; i++, k++, at += channels) {
                    value += (source[at] & 0xFF) * columns.weights[k];
                }
                reduced[x * channels + c] = value;
            }
        }
    }

    /**
     * For each target position along one axis: the source range [start, end) it covers and one weight per source
     * position (its overlap divided by the scale, so a span's weights add up to 1), from {@code weightStart} on.
     */
    private record Spans(int[] start, int[] end, int[] weightStart, float[] weights) {
        static Spans of(int size, int targetSize) {
            double scale = (double) size / targetSize;
            int[] start = new int[targetSize];
            int[] end = new int[targetSize];
            int[] weightStart = new int[targetSize];
            float[] weights = new float[size + 2 * targetSize];
            int next = 0;
            for (int t = 0; t < targetSize; t++) {
                double from = t * scale;
                double to = t == targetSize - 1 ? size : (t + 1) * scale;
                start[t] = (int) Math.floor(from);
                end[t] = Math.min(size, (int) Math.ceil(to));
                weightStart[t] = next;
                for (int i = start[t]; i < end[t]; i++) {
                    double overlap = Math.min(i + 1, to) - Math.max(i, from);
                    weights[next++] = (float) (overlap / (to - from));
                }
            }
            return new Spans(start, end, weightStart, weights);
        }
    }
}
