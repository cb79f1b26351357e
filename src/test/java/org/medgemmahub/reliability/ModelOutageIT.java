package org.medgemmahub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubMetricsScrape;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.OutageProxy;
import org.medgemmahub.support.RunningHub;
import org.medgemmahub.support.SimulatorControlClient;

/**
 * The model server (the built-in simulator, behind a TCP proxy the test can cut) is unreachable for the first half
 * of the outage and cold, answering 503 while it loads, for the second; HL7 results arrive meanwhile. The hub must
 * acknowledge them, keep them queued with retry counts and queue depth visible in /actuator/prometheus, not hold a
 * thread in a model call while it waits, and once the model is back produce exactly one Observation per message.
 * {@code -Doutage.duration=5m} is the long form (bench/reliability-long); the default is short for CI.
 */
class ModelOutageIT {
    private static final Duration OUTAGE = OutageSettings.duration();
    private static final int MESSAGES = OutageSettings.messages();
    private static final String REQUESTS = "hub.inference.requests";

    @Test
    void everyRequestQueuedWhileTheModelIsUnreachableThenColdCompletesExactlyOnceWithoutPinningAThread() throws Exception {
        HubTestSettings settings = new HubTestSettings();
        try (OutageProxy model = new OutageProxy(settings.simulatorPort);
             RunningHub hub = RunningHub.start(settings, Map.of(
                     "medgemma.base-url", model.baseUrl(),
                     // retries every few seconds at most, so the backlog drains soon after the model is back
                     "medgemma.timeout", "10", "medgemma.max-wait", "3", "medgemma.redelivery-max-delay", "5s",
                     "medgemma.circuit-breaker.open-duration", "3s"))) {
            HubMetricsScrape metrics = new HubMetricsScrape(settings.httpPort);
            FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
            SimulatorControlClient simulator = new SimulatorControlClient(settings.simulatorBase());

            long outageStarted = System.nanoTime();
            model.cut();
            List<CrashMessages.Message> queued = OutageSettings.sendAll(settings.hl7Port, CrashMessages.burst(1, MESSAGES));

            // while unreachable: the backlog and its retries show in the metrics, and no thread waits in a model call
            await().atMost(OUTAGE.plusMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    metrics.sum("hub_queue_depth", Map.of("queue", REQUESTS)) >= MESSAGES
                            && metrics.sum("hub_model_retries_total", Map.of()) >= MESSAGES);
            double depthDuringOutage = metrics.sum("hub_queue_depth", Map.of("queue", REQUESTS));
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> threadsInModelCode() == 0);
            List<CrashMessages.Message> late = OutageSettings.sendAll(settings.hl7Port, CrashMessages.burst(2, 1));
            await().atMost(OUTAGE).pollInterval(Duration.ofMillis(500))
                    .until(() -> elapsed(outageStarted).compareTo(OUTAGE.dividedBy(2)) >= 0);

            // back on the network but cold: 503 while loading for the rest of the outage
            Duration cold = OUTAGE.minus(elapsed(outageStarted));
            simulator.change("{\"coldStartSeconds\": " + Math.max(1, cold.toSeconds()) + "}");
            model.restore();
            await().atMost(cold.plusMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !simulator.state().path("loading").asBoolean());
            double retries = metrics.sum("hub_model_retries_total", Map.of());
            Duration outage = elapsed(outageStarted);

            long back = System.nanoTime();
            List<CrashMessages.Message> all = new ArrayList<>(queued);
            all.addAll(late);
            List<Integer> counts = ObservationCounts.await(all,
                    m -> fhir.observationsFor(CrashMessages.PATIENT_SYSTEM, m.mrn()).size(), Duration.ofMinutes(2));
            Duration recovery = elapsed(back);
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.sum("hub_queue_depth", Map.of("queue", REQUESTS)) == 0);
            double deadLetters = metrics.sum("hub_queue_depth", Map.of("queue", REQUESTS + ".dlq"));
            String scrape = metrics.text();
            double failedCalls = HubMetricsScrape.sum(scrape, "hub_model_latency_seconds_count", Map.of("outcome", "unavailable"));
            double answeredCalls = HubMetricsScrape.sum(scrape, "hub_model_latency_seconds_count", Map.of("outcome", "success"));
            double acknowledged = HubMetricsScrape.sum(scrape, "hub_channel_acknowledged_total", Map.of("channel", "hl7"));

            System.out.printf("outage model: unreachable then cold for %d s in all; %d HL7 results acknowledged during it; "
                            + "hub_queue_depth{requests} %.0f, hub_model_retries_total %.0f, simulator 503s %d; threads held in "
                            + "a model call while waiting: 0; Observations %d of %d within %d s of the model's return, lost %d, "
                            + "duplicated %d, dead letters %.0f; hub_model_latency_seconds_count unavailable %.0f, success %.0f%n",
                    outage.toSeconds(), all.size(), depthDuringOutage, retries, simulator.failures(503),
                    counts.stream().mapToInt(Integer::intValue).sum(), all.size(), recovery.toSeconds(),
                    ObservationCounts.lost(counts), ObservationCounts.duplicated(counts), deadLetters, failedCalls, answeredCalls);
            assertThat(ObservationCounts.lost(counts)).as("messages without an Observation").isZero();
            assertThat(ObservationCounts.duplicated(counts)).as("messages with more than one Observation").isZero();
            assertThat(deadLetters).as("requests dead-lettered").isZero();
            assertThat(failedCalls).as("model calls timed as unavailable").isPositive();
            assertThat(answeredCalls).as("model calls timed as answered").isGreaterThanOrEqualTo(all.size());
            assertThat(acknowledged).as("HL7 messages counted as acknowledged").isEqualTo(all.size());
        }
    }

    /** Threads of this JVM (the hub's) with a frame in the model client: a retry that sleeps would stay here. */
    private static long threadsInModelCode() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.medgemmahub.medgemma.")))
                .count();
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
