package org.medgemmahub.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One line of the benchmark table: the hub's figure beside its reference's, each as min/median/max over repeated
 * runs, and whether the target is met. The ratio is hub median over reference median.
 *
 * @param target    what the issue asks for, in words
 * @param met       the target is met
 * @param grossMiss far below the target (each scenario sets the line): the only thing the quick run in CI fails on
 */
record BenchRow(String scenario, String unit, Stats hub, Stats reference, String target, boolean met, boolean grossMiss) {

    /** Min, median and max of repeated runs. */
    record Stats(double min, double median, double max) {
        static Stats of(double... runs) {
            double[] sorted = runs.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Stats(sorted[0], median, sorted[sorted.length - 1]);
        }

        String text() {
            return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", median, min, max);
        }
    }

    Double ratio() {
        return reference == null || reference.median() == 0 ? null : hub.median() / reference.median();
    }

    String json() {
        return String.format(Locale.ROOT,
                "{\"scenario\":\"%s\",\"unit\":\"%s\",\"hub\":%s,\"reference\":%s,\"ratio\":%s,\"target\":\"%s\",\"met\":%s,"
                        + "\"hubMin\":%s,\"hubMax\":%s}",
                scenario, unit, number(hub.median()), reference == null ? "null" : number(reference.median()),
                ratio() == null ? "null" : number(ratio()), target.replace("\"", "'"), met,
                number(hub.min()), number(hub.max()));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
