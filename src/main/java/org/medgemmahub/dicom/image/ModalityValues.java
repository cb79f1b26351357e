package org.medgemmahub.dicom.image;

import java.util.Arrays;
import java.util.List;
import org.medgemmahub.dicom.data.DicomAttributes;
import org.medgemmahub.dicom.data.Tag;

/**
 * A grayscale frame's modality values (PS3.3 C.11.1: Modality LUT, else rescale slope and intercept). When the stored
 * values span a small range (any Bits Stored up to 16), each distinct stored value is transformed once and pixels
 * are mapped through a table, as display pipelines do; wider ranges are transformed pixel by pixel.
 */
final class ModalityValues {
    /** Largest stored-value range kept as a table (2^17 covers signed and unsigned 16-bit values). */
    private static final long MAX_TABLE = 1 << 17;

    private final int[] stored;
    /** Subtracted from a stored value to give its entry; unused pixel by pixel. */
    private final int offset;
    private final boolean perPixel;
    private final double[] entries;

    private ModalityValues(int[] stored, int offset, boolean perPixel, double[] entries) {
        this.stored = stored;
        this.offset = offset;
        this.perPixel = perPixel;
        this.entries = entries;
    }

    static ModalityValues of(FrameSamples frame, FrameAttributes attributes, boolean signed)
            throws DicomRenderException {
        int[] stored = frame.data();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int value : stored) {
            if (value < min) min = value;
            if (value > max) max = value;
        }
        long range = (long) max - min + 1;
        boolean perPixel = stored.length == 0 || range > Math.min(MAX_TABLE, Math.max(256, stored.length));
        int offset = perPixel ? 0 : min;
        int size = perPixel ? stored.length : max - min + 1;
        double[] entries = new double[size];
        List<DicomAttributes> lut = attributes.top().getSequence(Tag.MODALITY_LUT_SEQUENCE);
        if (!lut.isEmpty()) {
            LookupTable table = LookupTable.of(lut.get(0), signed);
            for (int e = 0; e < size; e++) entries[e] = table.lookup(perPixel ? stored[e] : e + offset);
        } else {
            DicomAttributes holder = attributes.holding(Tag.RESCALE_SLOPE, Tag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE);
            double[] slopes = holder.getDoubles(Tag.RESCALE_SLOPE);
            double[] intercepts = holder.getDoubles(Tag.RESCALE_INTERCEPT);
            double slope = slopes.length > 0 && Double.isFinite(slopes[0]) && slopes[0] != 0 ? slopes[0] : 1;
            double intercept = intercepts.length > 0 && Double.isFinite(intercepts[0]) ? intercepts[0] : 0;
            for (int e = 0; e < size; e++) entries[e] = (perPixel ? stored[e] : e + offset) * slope + intercept;
        }
        return new ModalityValues(stored, offset, perPixel, entries);
    }

    /** One 8-bit value per pixel: {@code level} applied once per distinct modality value. */
    byte[] toLevels(Level level) {
        byte[] levels = new byte[entries.length];
        for (int e = 0; e < entries.length; e++) levels[e] = (byte) level.of(entries[e]);
        if (perPixel) return levels;
        byte[] out = new byte[stored.length];
        for (int i = 0; i < out.length; i++) out[i] = levels[stored[i] - offset];
        return out;
    }

    /** Three 8-bit values per pixel in red, green, blue order, from one level function per channel. */
    byte[] toRgb(Level red, Level green, Level blue) {
        byte[] table = new byte[entries.length * 3];
        for (int e = 0; e < entries.length; e++) {
            table[3 * e] = (byte) red.of(entries[e]);
            table[3 * e + 1] = (byte) green.of(entries[e]);
            table[3 * e + 2] = (byte) blue.of(entries[e]);
        }
        if (perPixel) return table;
        byte[] out = new byte[stored.length * 3];
        for (int i = 0, o = 0; i < stored.length; i++, o += 3) {
            int at = 3 * (stored[i] - offset);
            out[o] = table[at];
            out[o + 1] = table[at + 1];
            out[o + 2] = table[at + 2];
        }
        return out;
    }

    /**
     * The values at ranks {@code floor(lowFraction * (n - 1))} and {@code ceil(highFraction * (n - 1))} of the n
     * sorted modality values of every {@code step}-th pixel, those equal to {@code padding} (if not null) left out;
     * NaN when none is left. Counted per distinct value, never sorting all n.
     */
    double[] quantiles(int step, Integer padding, double lowFraction, double highFraction) {
        int[] counts = new int[entries.length];
        for (int i = 0; i < stored.length; i += step) counts[perPixel ? i : stored[i] - offset]++;
        double[] distinct = new double[entries.length];
        int kinds = 0;
        long n = 0;
        for (int e = 0; e < entries.length; e++) {
            if (counts[e] == 0 || (padding != null && entries[e] == padding)) {
                counts[e] = 0;
                continue;
            }
            distinct[kinds++] = entries[e] + 0.0; // -0.0 as 0.0, so the search below finds it
            n += counts[e];
        }
        if (n == 0) return new double[] {Double.NaN, Double.NaN};
        Arrays.sort(distinct, 0, kinds);
        int unique = 0;
        for (int k = 0; k < kinds; k++) {
            if (unique == 0 || distinct[k] != distinct[unique - 1]) distinct[unique++] = distinct[k];
        }
        long[] cumulative = new long[unique];
        for (int e = 0; e < entries.length; e++) {
            if (counts[e] > 0) cumulative[Arrays.binarySearch(distinct, 0, unique, entries[e] + 0.0)] += counts[e];
        }
        for (int k = 1; k < unique; k++) cumulative[k] += cumulative[k - 1];
        long low = (long) Math.floor(lowFraction * (n - 1));
        long high = (long) Math.ceil(highFraction * (n - 1));
        return new double[] {distinct[rankIndex(cumulative, low)], distinct[rankIndex(cumulative, high)]};
    }

    /** The index of the value holding 0-based rank {@code rank}. */
    private static int rankIndex(long[] cumulative, long rank) {
        int index = Arrays.binarySearch(cumulative, rank + 1);
        return index >= 0 ? index : -index - 1;
    }

    int pixelCount() {
        return stored.length;
    }

    /** A display level function: modality value to 0..255. */
    @FunctionalInterface
    interface Level {
        int of(double value);
    }
}
