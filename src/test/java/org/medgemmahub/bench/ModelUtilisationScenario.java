package org.medgemmahub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import java.util.Map;
import org.medgemmahub.support.SimulatorControlClient;

/**
 * Model utilisation: the simulator answers each call after latency L, the hub's concurrency limit is C, and N
 * requests are queued through MLLP. The model is the bottleneck by design, so the hub should keep it busy:
 * completed calls per second against the ideal C/L, and never more than C calls in flight.
 */
final class ModelUtilisationScenario {
    static final int CONCURRENCY = 8;
    static final int LATENCY_MILLIS = 500;

    private ModelUtilisationScenario() {
    }

    static List<BenchRow> run(Path jar, BenchScale scale) throws Exception {
        Map<String, String> settings = Map.of("medgemma.concurrency", String.valueOf(CONCURRENCY),
                "hub.simulator.latency", LATENCY_MILLIS + "ms");
        double ideal = CONCURRENCY * 1000.0 / LATENCY_MILLIS;
        double[] throughput = new double[scale.runs()];
        int maxInFlight = 0;
        for (int r = 0; r < scale.runs(); r++) {
            HubTestSettings hubSettings = new HubTestSettings();
            try (HubJvm hub = HubJvm.fromJar(jar, hubSettings, settings)) {
                SimulatorControlClient simulator = new SimulatorControlClient(hubSettings.simulatorBase());
                HubLog.awaitValidatorWarmUp(hub);
                // a hub runs for months: ten seconds of requests first, so the figure is not that of a JVM compiling
                int warmUp = (int) (ideal * 10);
                MllpLoad.saturate(hubSettings.hl7Port, 4, warmUp);
                awaitSucceeded(simulator, warmUp, System.nanoTime() + (long) ((warmUp / ideal) * 4 + 60) * 1_000_000_000L);
                simulator.reset();
                int total = scale.modelRequests();
                long started = System.nanoTime();
                MllpLoad.saturate(hubSettings.hl7Port, 4, total);
                JsonNode counters = awaitSucceeded(simulator, total,
                        started + (long) ((total / ideal) * 4 + 60) * 1_000_000_000L);
                double seconds = (System.nanoTime() - started) / 1e9;
                throughput[r] = counters.path("succeeded").asLong() / seconds;
                maxInFlight = Math.max(maxInFlight, counters.path("maxInFlight").asInt());
            }
        }
        BenchRow.Stats stats = BenchRow.Stats.of(throughput);
        boolean capRespected = maxInFlight <= CONCURRENCY;
        return List.of(
                new BenchRow("model utilisation C=" + CONCURRENCY + " L=" + LATENCY_MILLIS + "ms", "req/s", stats,
                        BenchRow.Stats.of(ideal), ">= 0.95 x C/L", stats.median() >= 0.95 * ideal,
                        stats.median() < 0.25 * ideal),
                new BenchRow("model calls in flight at most", "calls", BenchRow.Stats.of(maxInFlight),
                        BenchRow.Stats.of(CONCURRENCY), "<= C", capRespected, !capRespected));
    }

    /** The simulator's counters once it has answered {@code count} calls, or at the deadline. */
    private static JsonNode awaitSucceeded(SimulatorControlClient simulator, int count, long deadlineNanos) throws Exception {
        JsonNode counters;
        do {
            Thread.sleep(100); // polling the simulator's counters from outside the hub
            counters = simulator.state().path("counters");
        } while (counters.path("succeeded").asLong() < count && System.nanoTime() < deadlineNanos);
        return counters;
    }
}
