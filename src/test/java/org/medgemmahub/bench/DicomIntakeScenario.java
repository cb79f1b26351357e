package org.medgemmahub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.medgemmahub.support.FreePorts;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;

/**
 * DICOM intake: one DCMTK storescu process pushes the same corpus (CT slices 512x512 and CR images 2000x2500, one
 * association) to the hub's Storage SCP and to DCMTK storescp writing to disk, alternately in the same run; the
 * storescu wall clock gives instances/s and MB/s. Both receivers offer a 64 KiB PDU. Before answering each C-STORE
 * the hub fsyncs the file, a pending marker and the directory, parses the data set and makes a persistent JMS send
 * (a broker journal sync); storescp only writes the file (no fsync). Each run pushes a fresh copy of the corpus
 * (new UIDs), since the hub drops a re-sent SOP Instance UID as a duplicate, which would flatter it.
 * The hub's series grouping is kept idle during the push by a long quiet period, and the model is off.
 */
final class DicomIntakeScenario {
    private static final String PDU = "65536";

    private DicomIntakeScenario() {
    }

    static List<BenchRow> run(Path jar, BenchScale scale) throws Exception {
        boolean quick = scale == BenchScale.QUICK;
        HubTestSettings hubSettings = new HubTestSettings();
        Map<String, String> overrides = Map.of("medgemma.enabled", "false", "hub.dicom.series-quiet-period", "1h");
        Path scpDir = Files.createTempDirectory("medgemma-bench-storescp");
        int scpPort = FreePorts.next();
        Process storescp = null;
        // copies 1 and 2 warm up the receivers (the hub's JIT needs a few hundred instances), copies 3.. are the
        // measured runs: every push is new to the hub
        try (DicomCorpus corpus = DicomCorpus.generate(quick ? 100 : 500, quick ? 4 : 20, scale.runs() + 2);
             HubJvm hub = HubJvm.fromJar(jar, hubSettings, overrides)) {
            Path received = Files.createDirectories(scpDir.resolve("received"));
            storescp = ExternalCommand.start(List.of("storescp", "-aet", "STORESCP", "-pdu", PDU, "-od",
                    received.toString(), String.valueOf(scpPort)), scpDir.resolve("storescp.log"));
            awaitListening(scpPort, storescp);
            int instances = corpus.intakeInstances();
            double megabytes = corpus.intakeBytes() / 1e6;
            // warm-up push to each (the hub's JIT, both page caches)
            push(corpus.intake(1), "MEDGEMMA", hubSettings.dicomPort, scpDir);
            push(corpus.intake(2), "MEDGEMMA", hubSettings.dicomPort, scpDir);
            push(corpus.intake(1), "STORESCP", scpPort, scpDir);
            double[] hubSeconds = new double[scale.runs()];
            double[] scpSeconds = new double[scale.runs()];
            for (int r = 0; r < scale.runs(); r++) {
                hubSeconds[r] = push(corpus.intake(r + 3), "MEDGEMMA", hubSettings.dicomPort, scpDir);
                clear(received);
                scpSeconds[r] = push(corpus.intake(r + 3), "STORESCP", scpPort, scpDir);
                long stored = count(received);
                if (stored != instances) throw new IllegalStateException("storescp stored " + stored + " of " + instances);
            }
            List<BenchRow> rows = new ArrayList<>();
            rows.add(row("DICOM intake (storescu), instances", "inst/s", instances, hubSeconds, scpSeconds));
            rows.add(row("DICOM intake (storescu), bytes", "MB/s", megabytes, hubSeconds, scpSeconds));
            return rows;
        } finally {
            if (storescp != null) {
                storescp.destroy();
                storescp.waitFor();
            }
            DicomCorpus.deleteTree(scpDir);
            DicomCorpus.deleteTree(hubSettings.dataDir);
        }
    }

    private static BenchRow row(String scenario, String unit, double amount, double[] hubSeconds, double[] scpSeconds) {
        BenchRow.Stats hub = BenchRow.Stats.of(rates(amount, hubSeconds));
        BenchRow.Stats scp = BenchRow.Stats.of(rates(amount, scpSeconds));
        double ratio = hub.median() / scp.median();
        return new BenchRow(scenario, unit, hub, scp, ">= 1.00 x storescp", ratio >= 1.0, ratio < 0.25);
    }

    private static double[] rates(double amount, double[] seconds) {
        double[] rates = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) rates[i] = amount / seconds[i];
        return rates;
    }

    /** One storescu process, one association, every file of the corpus; @return its wall-clock seconds. */
    private static double push(Path folder, String calledAe, int port, Path logDir) throws Exception {
        return ExternalCommand.runDcmtk(List.of("storescu", "-aet", "BENCH", "-aec", calledAe, "-R", "+sd", "+r",
                "127.0.0.1", String.valueOf(port), folder.toString()), logDir.resolve("storescu-" + calledAe + ".log"));
    }

    private static void awaitListening(int port, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Listening.accepts(port)) {
            if (!server.isAlive() || System.nanoTime() > deadline) throw new IllegalStateException("storescp did not start");
            Thread.sleep(50); // polling another process's start-up
        }
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static void clear(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) Files.delete(file);
        }
    }
}
