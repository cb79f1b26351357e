package org.medgemmahub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;

/**
 * Resources: one large multi-frame object (~1 GB; quick: ~460 MB), larger than the heap of the hub it is pushed to
 * with storescu ({@value #XMX_MIB} MiB: what the hub's FHIR validator needs for the R4 definitions, plus room; at
 * 256 MiB its warm-up alone ran out of heap). The push waits for that warm-up, so the figures are the object's.
 * Reports whether it was stored (spool file present, storescu saw success) and
 * processed (its series stable after a 5 s quiet period, the middle frame read from the spool file and rendered, the
 * request queued and the spool file released; the model is off), the push and processing times, the peak heap used while receiving (sampled from /actuator/metrics every 100 ms) against the heap max,
 * the peak of the long-lived heap after GC (used heap counts garbage not yet collected, so it nears the max under
 * any load; what survives a GC is what is held), and the hub's resident memory before and after. Target: stored,
 * and the hub stays alive within its -Xmx.
 */
final class LargeObjectScenario {
    static final int XMX_MIB = 384;
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    private LargeObjectScenario() {
    }

    static List<BenchRow> run(Path jar, BenchScale scale) throws Exception {
        int frames = scale == BenchScale.QUICK ? 220 : 480;
        HubTestSettings settings = new HubTestSettings();
        Map<String, String> overrides = Map.of("medgemma.enabled", "false", "hub.dicom.series-quiet-period", "5s");
        Path work = Files.createTempDirectory("medgemma-bench-large");
        try (HubJvm hub = HubJvm.fromJar(jar, settings, overrides, List.of("-Xmx" + XMX_MIB + "m"))) {
            Path file = work.resolve("large.dcm");
            LargeMultiFrameFile.write(file, frames);
            HubLog.awaitValidatorWarmUp(hub);
            long megabytes = Files.size(file) / 1_000_000;
            HttpClient http = HttpClient.newHttpClient();
            String metrics = "http://127.0.0.1:" + settings.httpPort + "/actuator/metrics/";
            double heapMaxMiB = metric(http, metrics + "jvm.memory.max?tag=area:heap") / (1 << 20);
            long rssBefore = hub.residentMiB();
            AtomicLong peakHeap = new AtomicLong();
            AtomicLong peakAfterGcPermille = new AtomicLong();
            Thread sampler = new Thread(() -> sample(http, metrics, peakHeap, peakAfterGcPermille), "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            Path log = work.resolve("storescu.log");
            long started = System.nanoTime();
            String failure = null;
            try {
                ExternalCommand.runDcmtk(List.of("storescu", "-aet", "BENCH", "-aec", "MEDGEMMA", "127.0.0.1",
                        String.valueOf(settings.dicomPort), file.toString()), log);
            } catch (IllegalStateException e) {
                failure = e.getMessage() + "; " + reason(log, hub.log());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            boolean stored = failure == null && spooled(settings.dataDir);
            long processingStarted = System.nanoTime();
            boolean processed = stored && awaitReleased(settings.dataDir, hub);
            double processingSeconds = (System.nanoTime() - processingStarted) / 1e9;
            sampler.interrupt();
            sampler.join();
            Files.delete(file);
            boolean alive = hub.isAlive();
            long rssAfter = alive ? hub.residentMiB() : -1;
            double peakMiB = peakHeap.get() / (double) (1 << 20);
            String outcome = processed ? "stored+rendered" : stored ? "stored" : !alive ? "hub died" : "refused";
            if (!processed) keepHubLog(hub.log());
            System.out.printf(Locale.ROOT, "large object %d MB: %s in %.1f s (+%.1f s processing after the quiet period); "
                            + "peak heap %.0f of %.0f MiB; RSS %d -> %d MiB%s%n",
                    megabytes, outcome, seconds, processingSeconds, peakMiB, heapMaxMiB, rssBefore, rssAfter,
                    failure == null ? "" : "; " + failure);
            List<BenchRow> rows = new ArrayList<>();
            rows.add(new BenchRow("large object " + megabytes + " MB: " + outcome, "s", BenchRow.Stats.of(seconds), null,
                    "stored and rendered, hub alive at -Xmx" + XMX_MIB + "m", processed && alive, !alive));
            rows.add(new BenchRow("large object: quiet period + render + queue", "s", BenchRow.Stats.of(processingSeconds), null,
                    "report (5 s quiet period included)", true, false));
            rows.add(new BenchRow("large object: peak heap used", "MiB", BenchRow.Stats.of(peakMiB),
                    BenchRow.Stats.of(heapMaxMiB), "within -Xmx (reference = heap max)", alive && peakMiB <= heapMaxMiB,
                    !alive));
            double afterGcPercent = peakAfterGcPermille.get() / 10.0;
            rows.add(new BenchRow("large object: heap after GC, peak", "%", BenchRow.Stats.of(afterGcPercent), null,
                    "report (long-lived pool after GC)", true, false));
            rows.add(new BenchRow("large object: hub RSS before", "MiB", BenchRow.Stats.of(rssBefore), null, "report",
                    true, false));
            rows.add(new BenchRow("large object: hub RSS after", "MiB", BenchRow.Stats.of(rssAfter), null, "report",
                    true, false));
            return rows;
        } finally {
            DicomCorpus.deleteTree(work);
            DicomCorpus.deleteTree(settings.dataDir);
        }
    }

    private static void sample(HttpClient http, String metrics, AtomicLong peak, AtomicLong peakAfterGcPermille) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long used = (long) metric(http, metrics + "jvm.memory.used?tag=area:heap");
                peak.accumulateAndGet(used, Math::max);
                long afterGc = Math.round(1000 * metric(http, metrics + "jvm.memory.usage.after.gc?tag=area:heap"));
                peakAfterGcPermille.accumulateAndGet(afterGc, Math::max);
                Thread.sleep(100); // sampling interval
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // the hub is busy or gone: the next sample tells
            }
        }
    }

    private static double metric(HttpClient http, String url) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = VALUE.matcher(body);
        if (!m.find()) throw new IllegalStateException("no value in " + url);
        return Double.parseDouble(m.group(1));
    }

    /** What storescu and the hub said about a refusal (their logs are deleted with the scenario's folders). */
    private static String reason(Path storescuLog, Path hubLog) throws IOException {
        List<String> said = new ArrayList<>();
        Files.readAllLines(storescuLog).stream().filter(l -> l.startsWith("E:") || l.startsWith("F:")).limit(3)
                .forEach(l -> said.add("storescu " + l));
        Files.readAllLines(hubLog).stream().filter(l -> l.contains("OutOfMemoryError") || l.matches(".*DICOM-[A-Z-]+:.*"))
                .limit(3).forEach(l -> said.add("hub: " + l.substring(Math.max(0, l.indexOf("DICOM-")))));
        return String.join(" | ", said);
    }

    /** The data directory goes with the scenario: a hub log worth reading is copied under target/ first. */
    private static void keepHubLog(Path hubLog) throws IOException {
        Path kept = Path.of("target", "bench-large-object-hub.log");
        Files.copy(hubLog, kept, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("large object not processed: the hub's log is kept in " + kept);
    }

    /** The series was rendered and its request queued: the spool file is released. */
    private static boolean awaitReleased(Path dataDir, HubJvm hub) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline && hub.isAlive()) {
            if (!spooled(dataDir)) return true;
            Thread.sleep(100); // polling another process's progress
        }
        return false;
    }

    private static boolean spooled(Path dataDir) throws IOException {
        Path incoming = dataDir.resolve("dicom/spool/incoming");
        if (!Files.exists(incoming)) return false;
        try (Stream<Path> files = Files.walk(incoming)) {
            return files.anyMatch(p -> p.getFileName().toString().equals(LargeMultiFrameFile.SOP_INSTANCE + ".dcm"));
        } catch (java.io.UncheckedIOException e) {
            return false; // a marker the hub deleted during the walk: look again at the next poll
        }
    }
}
