package org.medgemmahub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubMetricsScrape;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.OutageProxy;
import org.medgemmahub.support.RunningHub;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The FHIR server the hub writes Observations to (the hub's embedded /fhir, reached as an external server through a
 * TCP proxy the test can cut: FHIR_SERVER_URL) is down for the outage while HL7 results arrive and the model answers.
 * The hub must acknowledge them, hold the results with redelivery visible in /actuator/prometheus and readiness DOWN,
 * and once the server is back write every Observation exactly once, none dead-lettered; meanwhile each failed write
 * is one WARN line, not an ERROR with a stack trace.
 * {@code -Doutage.duration=5m} is the long form (bench/reliability-long); the default is short for CI.
 */
@ExtendWith(OutputCaptureExtension.class)
class FhirOutageIT {
    private static final Duration OUTAGE = OutageSettings.duration();
    private static final int MESSAGES = OutageSettings.messages();
    private static final String RESULTS = "hub.inference.results";

    @Test
    void everyResultHeldWhileTheFhirServerIsDownIsWrittenExactlyOnceWhenItIsBack(CapturedOutput log) throws Exception {
        HubTestSettings settings = new HubTestSettings();
        try (OutageProxy fhirServer = new OutageProxy(settings.httpPort);
             RunningHub hub = RunningHub.start(settings, Map.of("hub.fhir.server-url", fhirServer.baseUrl() + "/fhir"))) {
            HubMetricsScrape metrics = new HubMetricsScrape(settings.httpPort);
            FhirTestClient embedded = new FhirTestClient(settings.fhirBase());

            long outageStarted = System.nanoTime();
            fhirServer.cut();
            List<CrashMessages.Message> messages = OutageSettings.sendAll(settings.hl7Port, CrashMessages.burst(1, MESSAGES));

            // while down: the results wait on their queue, redelivered with a growing delay, and the hub is not ready
            await().atMost(OUTAGE.plusMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    metrics.sum("hub_queue_depth", Map.of("queue", RESULTS)) >= MESSAGES
                            && metrics.sum("hub_fhir_write_redeliveries_total", Map.of()) > 0);
            double depthDuringOutage = metrics.sum("hub_queue_depth", Map.of("queue", RESULTS));
            assertThat(readinessStatus(settings.httpPort)).as("readiness while the FHIR sink is down").isEqualTo(503);
            assertThat(messages).as("nothing written while the server is down")
                    .allSatisfy(m -> assertThat(embedded.observationsFor(CrashMessages.PATIENT_SYSTEM, m.mrn())).isEmpty());
            await().atMost(OUTAGE).pollInterval(Duration.ofMillis(500))
                    .until(() -> Duration.ofNanos(System.nanoTime() - outageStarted).compareTo(OUTAGE) >= 0);
            double redeliveries = metrics.sum("hub_fhir_write_redeliveries_total", Map.of());

            fhirServer.restore();
            long back = System.nanoTime();
            Duration down = Duration.ofNanos(back - outageStarted);
            List<Integer> counts = ObservationCounts.await(messages,
                    m -> embedded.observationsFor(CrashMessages.PATIENT_SYSTEM, m.mrn()).size(), Duration.ofMinutes(2));
            Duration recovery = Duration.ofNanos(System.nanoTime() - back);
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.sum("hub_queue_depth", Map.of("queue", RESULTS)) == 0);
            double deadLetters = metrics.sum("hub_queue_depth", Map.of("queue", RESULTS + ".dlq"));
            await().atMost(Duration.ofSeconds(30)).until(() -> readinessStatus(settings.httpPort) == 200);

            System.out.printf("outage FHIR: server down for %d s; %d HL7 results acknowledged during it; "
                            + "hub_queue_depth{results} %.0f, hub_fhir_write_redeliveries_total %.0f, readiness DOWN; "
                            + "Observations %d of %d within %d s of the server's return, lost %d, duplicated %d, dead letters %.0f%n",
                    down.toSeconds(), messages.size(), depthDuringOutage, redeliveries,
                    counts.stream().mapToInt(Integer::intValue).sum(), messages.size(), recovery.toSeconds(),
                    ObservationCounts.lost(counts), ObservationCounts.duplicated(counts), deadLetters);
            assertThat(ObservationCounts.lost(counts)).as("messages without an Observation").isZero();
            assertThat(ObservationCounts.duplicated(counts)).as("messages with more than one Observation").isZero();
            assertThat(deadLetters).as("results dead-lettered").isZero();
            // the outage is logged as one WARN line per attempt, not as an ERROR with a stack trace each time
            assertThat(log.getOut()).contains("FHIR-UNREACHABLE: result ")
                    .doesNotContain("Caused by: ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException")
                    .doesNotContainPattern("ERROR .*Failed delivery");
        }
    }

    private static int readinessStatus(int httpPort) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
