package org.medgemmahub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the benchmark scenarios of bench/run on this machine and prints one table: the hub beside a reference run in
 * the same process or script. {@code --quick} runs each scenario briefly and exits non-zero only on a gross miss
 * (a figure far below its target, each scenario says how far), so CI catches regressions without flaking on a
 * noisy machine.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path jar = Path.of(argument(args, "--jar", "target/medgemma-hub.jar"));
        Path out = Path.of(argument(args, "--out", "bench/results/latest.json"));
        BenchScale scale = quick ? BenchScale.QUICK : BenchScale.FULL;

        // --only dicom-intake,large-object runs just those scenarios (names: mllp, model, dicom-intake, large-series, rendering, large-object)
        List<String> only = Arrays.asList(argument(args, "--only", "").split(","));
        List<BenchRow> rows = new ArrayList<>();
        if (selected(only, "mllp")) rows.addAll(MllpIntakeScenario.run(jar, scale));
        if (selected(only, "model")) rows.addAll(ModelUtilisationScenario.run(jar, scale));
        if (selected(only, "dicom-intake")) rows.addAll(DicomIntakeScenario.run(jar, scale));
        if (selected(only, "large-series")) rows.addAll(LargeSeriesScenario.run(jar, scale));
        if (selected(only, "rendering")) rows.addAll(RenderingScenario.run(scale));
        if (selected(only, "large-object")) rows.addAll(LargeObjectScenario.run(jar, scale));
        print(rows, scale);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, rows.stream().map(BenchRow::json).collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n")));
        System.out.println("written " + out);
        if (quick && rows.stream().anyMatch(BenchRow::grossMiss)) {
            System.out.println("GROSS REGRESSION: a figure is far below its target (see README, Benchmarks)");
            System.exit(1);
        }
    }

    private static void print(List<BenchRow> rows, BenchScale scale) {
        System.out.printf(Locale.ROOT, "%nMedGemma Hub benchmarks (%s, %d cores, %d runs each; median (min-max))%n",
                scale.name().toLowerCase(Locale.ROOT), Runtime.getRuntime().availableProcessors(), scale.runs());
        String format = "%-34s %-8s %-26s %-26s %-7s %-34s %s%n";
        System.out.printf(Locale.ROOT, format, "scenario", "unit", "hub", "reference", "ratio", "target", "met");
        for (BenchRow row : rows) {
            System.out.printf(Locale.ROOT, format, row.scenario(), row.unit(), row.hub().text(),
                    row.reference() == null ? "-" : row.reference().text(),
                    row.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", row.ratio()), row.target(),
                    row.met() ? "yes" : "NO");
        }
    }

    private static boolean selected(List<String> only, String scenario) {
        return only.equals(List.of("")) || only.contains(scenario);
    }

    private static String argument(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
        return fallback;
    }

    /** Settings that keep a scenario's hub to the intake alone (no model calls, nothing written downstream). */
    static Map<String, String> intakeOnly() {
        return Map.of("medgemma.enabled", "false");
    }
}
