package org.medgemmahub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.medgemmahub.support.FreePorts;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;

/**
 * One large CT series (2,000 slices of 512x512; quick 500) in one storescu association, as a scanner sends a
 * thin-slice study: how fast the hub answers it beside DCMTK storescp writing the same files, and how long after the
 * last answer the series' request is queued (its quiet period, {@value #QUIET_SECONDS} s, included). Series grouping
 * works while the slices arrive, so a grouping whose cost grows with the series shows in both figures. The hub is
 * measured warm: after its FHIR validator has loaded and a first series of the same size has passed.
 */
final class LargeSeriesScenario {
    private static final int QUIET_SECONDS = 2;
    private static final String QUEUED = "queued as request";

    private LargeSeriesScenario() {
    }

    static List<BenchRow> run(Path jar, BenchScale scale) throws Exception {
        int slices = scale == BenchScale.QUICK ? 500 : 2000;
        Path scpDir = Files.createTempDirectory("medgemma-bench-series");
        int scpPort = FreePorts.next();
        Process storescp = null;
        HubTestSettings settings = new HubTestSettings();
        try (DicomCorpus corpus = DicomCorpus.generate(slices, 0, 2)) {
            Path received = Files.createDirectories(scpDir.resolve("received"));
            storescp = ExternalCommand.start(List.of("storescp", "-aet", "STORESCP", "-pdu", "65536", "-od",
                    received.toString(), String.valueOf(scpPort)), scpDir.resolve("storescp.log"));
            DicomPush.awaitListening(scpPort, storescp);
            Map<String, String> overrides = Map.of("medgemma.enabled", "false",
                    "hub.dicom.series-quiet-period", QUIET_SECONDS + "s");
            double hubSeconds;
            double queuedAfter;
            try (HubJvm hub = HubJvm.fromJar(jar, settings, overrides)) {
                HubLog.awaitValidatorWarmUp(hub);
                // a first series warms the hub's JIT up (storescp is native code)
                DicomPush.push(corpus.intake(1), "MEDGEMMA", settings.dicomPort, scpDir);
                HubLog.await(hub, QUEUED, 1, Duration.ofMinutes(10));
                hubSeconds = DicomPush.push(corpus.intake(2), "MEDGEMMA", settings.dicomPort, scpDir);
                long answered = System.nanoTime();
                HubLog.await(hub, QUEUED, 2, Duration.ofMinutes(10));
                queuedAfter = (System.nanoTime() - answered) / 1e9;
            }
            double scpSeconds = DicomPush.push(corpus.intake(2), "STORESCP", scpPort, scpDir);
            BenchRow.Stats hub = BenchRow.Stats.of(slices / hubSeconds);
            BenchRow.Stats scp = BenchRow.Stats.of(slices / scpSeconds);
            return List.of(
                    // DICOM intake holds the gross-regression line for the answer rate; this row shows the large series' share
                    new BenchRow("DICOM series of " + slices + " CT slices, one association", "inst/s", hub, scp,
                            ">= 1.00 x storescp", hub.median() >= scp.median(), false),
                    new BenchRow("DICOM series of " + slices + " slices: request queued after last answer", "s",
                            BenchRow.Stats.of(queuedAfter), null, "report (" + QUIET_SECONDS + " s quiet period included)",
                            true, queuedAfter > 60));
        } finally {
            if (storescp != null) {
                storescp.destroy();
                storescp.waitFor();
            }
            DicomCorpus.deleteTree(scpDir);
            DicomCorpus.deleteTree(settings.dataDir);
        }
    }
}
