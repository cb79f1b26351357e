package org.medgemmahub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.MllpConnection;

/**
 * The hub in its own JVM gets a burst of HL7 results from several senders and of FHIR DiagnosticReports from another,
 * and is killed with SIGKILL at a seeded random moment; after a restart the senders resend what was not acknowledged
 * (no AA, no 202), as an EHR interface does. Every message and report must then have exactly one Observation: none
 * lost, none duplicated. The default is a short run for CI; {@code -Dcrash.messages=2000 -Dcrash.fhir-reports=100
 * -Dcrash.kill-points=5} is the long form.
 */
class CrashSafetyIT {
    private static final int MESSAGES = Integer.getInteger("crash.messages", 300);
    private static final int FHIR_REPORTS = Integer.getInteger("crash.fhir-reports", 30);
    private static final int KILL_POINTS = Integer.getInteger("crash.kill-points", 2);
    private static final long SEED = Long.getLong("crash.seed", 20261203L);
    private static final int SENDERS = 4;

    @Test
    void everyMessageHasExactlyOneObservationAfterSigkillsMidBurst() throws Exception {
        HubTestSettings settings = new HubTestSettings();
        Random random = new Random(SEED);
        FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
        HubJvm hub = HubJvm.fromClasspath(settings, Map.of());
        try {
            for (int round = 1; round <= KILL_POINTS; round++) {
                List<CrashMessages.Message> burst = CrashMessages.burst(round, MESSAGES);
                List<CrashReports.Report> reports = CrashReports.burst(FHIR_REPORTS);
                int killAfter = MESSAGES / 10 + random.nextInt(MESSAGES * 8 / 10);
                CrashReports.Sender fhirSender = new CrashReports.Sender(settings.fhirBase(), reports);
                Thread fhirSending = new Thread(fhirSender::sendUntilRefused, "crash-fhir-sender");
                fhirSending.start();
                AtomicIntegerArray acknowledged = sendKillingAfter(settings.hl7Port, burst, hub, killAfter);
                fhirSending.join();
                int acknowledgedBeforeKill = count(acknowledged);

                hub = HubJvm.fromClasspath(settings, Map.of());
                int resent = resendUnacknowledged(settings.hl7Port, burst, acknowledged);
                int reportsResent = fhirSender.resendUnaccepted();
                Map<Integer, Integer> observations = awaitObservations(fhir, burst);
                Map<String, Integer> reportObservations = awaitReportObservations(fhir, reports);
                long reportsLost = reportObservations.values().stream().filter(n -> n == 0).count();
                long reportsDuplicated = reportObservations.values().stream().filter(n -> n > 1).count();
                System.out.printf("crash round %d FHIR: sent %d reports, accepted before SIGKILL: %d, resent after restart: %d, "
                        + "lost: %d, duplicated: %d%n", round, FHIR_REPORTS, FHIR_REPORTS - reportsResent, reportsResent,
                        reportsLost, reportsDuplicated);
                assertThat(reportsLost).as("reports without an Observation").isZero();
                assertThat(reportsDuplicated).as("reports with more than one Observation").isZero();

                long lost = observations.values().stream().filter(n -> n == 0).count();
                long duplicated = observations.values().stream().filter(n -> n > 1).count();
                System.out.printf("crash round %d (seed %d): sent %d, acknowledged before SIGKILL at %d: %d, resent after restart: %d, "
                                + "Observations found: %d, lost: %d, duplicated: %d%n", round, SEED, MESSAGES, killAfter,
                        acknowledgedBeforeKill, resent, observations.values().stream().mapToInt(Integer::intValue).sum(),
                        lost, duplicated);
                assertThat(acknowledgedBeforeKill).as("the kill came mid-burst").isBetween(killAfter, MESSAGES - 1);
                assertThat(lost).as("messages without an Observation").isZero();
                assertThat(duplicated).as("messages with more than one Observation").isZero();
            }
        } finally {
            hub.close();
        }
    }

    /** Sends the burst from several connections; once {@code killAfter} AAs have arrived the hub is killed. */
    private static AtomicIntegerArray sendKillingAfter(int port, List<CrashMessages.Message> burst, HubJvm hub, int killAfter)
            throws Exception {
        AtomicIntegerArray acknowledged = new AtomicIntegerArray(burst.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acks = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS + 1);
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            running.add(senders.submit(() -> {
                try (MllpConnection connection = new MllpConnection(port)) {
                    for (int i = next.getAndIncrement(); i < burst.size(); i = next.getAndIncrement()) {
                        if ("AA".equals(MllpConnection.ackCode(connection.send(burst.get(i).er7())))) {
                            acknowledged.set(i, 1);
                            acks.incrementAndGet();
                        }
                    }
                } catch (IOException killed) {
                    // the hub died under this sender: what it did not get AA for stays the sender's to resend
                }
                return null;
            }));
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(1)).until(() -> acks.get() >= killAfter);
        hub.kill();
        for (Future<?> sender : running) sender.get();
        senders.shutdown();
        return acknowledged;
    }

    private static int resendUnacknowledged(int port, List<CrashMessages.Message> burst, AtomicIntegerArray acknowledged)
            throws IOException {
        int resent = 0;
        try (MllpConnection connection = new MllpConnection(port)) {
            for (int i = 0; i < burst.size(); i++) {
                if (acknowledged.get(i) == 1) continue;
                assertThat(MllpConnection.ackCode(connection.send(burst.get(i).er7()))).isEqualTo("AA");
                resent++;
            }
        }
        return resent;
    }

    /** Waits until every message has at least one Observation, then returns the count per message index. */
    private static Map<Integer, Integer> awaitObservations(FhirTestClient fhir, List<CrashMessages.Message> burst) {
        Map<Integer, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            for (int i = 0; i < burst.size(); i++) {
                if (counts.getOrDefault(i, 0) > 0) continue;
                counts.put(i, fhir.observationsFor(CrashMessages.PATIENT_SYSTEM, burst.get(i).mrn()).size());
            }
            return counts.values().stream().allMatch(n -> n > 0) && counts.size() == burst.size();
        });
        for (int i = 0; i < burst.size(); i++) {
            counts.put(i, fhir.observationsFor(CrashMessages.PATIENT_SYSTEM, burst.get(i).mrn()).size());
        }
        return counts;
    }

    private static Map<String, Integer> awaitReportObservations(FhirTestClient fhir, List<CrashReports.Report> reports) {
        Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            for (CrashReports.Report report : reports) {
                if (counts.getOrDefault(report.mrn(), 0) > 0) continue;
                counts.put(report.mrn(), fhir.observationsFor(CrashReports.PATIENT_SYSTEM, report.mrn()).size());
            }
            return counts.size() == reports.size() && counts.values().stream().allMatch(n -> n > 0);
        });
        for (CrashReports.Report report : reports) {
            counts.put(report.mrn(), fhir.observationsFor(CrashReports.PATIENT_SYSTEM, report.mrn()).size());
        }
        return counts;
    }

    private static int count(AtomicIntegerArray flags) {
        int n = 0;
        for (int i = 0; i < flags.length(); i++) n += flags.get(i);
        return n;
    }
}
