package org.medgemmahub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.MllpConnection;

/**
 * The hub in its own JVM gets a burst of HL7 results from several senders, FHIR DiagnosticReports from another and
 * DICOM CT series over its DICOM port from a PACS (both paced by the HL7 progress, so all three are cut), and is killed with SIGKILL at a seeded random moment; after a
 * restart the senders resend what was not acknowledged (no AA, no 202, no C-STORE status 0x0000), as an EHR
 * interface, a FHIR client and a PACS do. Every message, every report and every series must then have exactly one
 * Observation: none lost, none duplicated; and every series must have been grouped from all its instances (from the
 * hubs' logs), since a member lost inside the hub still leaves an Observation made from the rest. The default is a
 * short run for CI; the long form is
 * {@code -Dcrash.messages=2000 -Dcrash.dicom-instances=200 -Dcrash.fhir-reports=100 -Dcrash.kill-points=5}
 * (bench/reliability-long).
 */
class CrashSafetyIT {
    private static final int MESSAGES = Integer.getInteger("crash.messages", 300);
    private static final int FHIR_REPORTS = Integer.getInteger("crash.fhir-reports", 30);
    private static final int DICOM_INSTANCES = Integer.getInteger("crash.dicom-instances", 40);
    private static final int SERIES_SIZE = Integer.getInteger("crash.dicom-series-size", 8);
    private static final int KILL_POINTS = Integer.getInteger("crash.kill-points", 2);
    private static final long SEED = Long.getLong("crash.seed", 20261203L);
    private static final int SENDERS = 4;
    /** How long the Observations may stop coming before the ones still missing count as lost. */
    private static final Duration SETTLE = Duration.ofMinutes(3);
    /** Series are grouped after this quiet time (10 s by default): short, so series complete within the test. */
    private static final Map<String, String> HUB = Map.of("hub.dicom.series-quiet-period", "2s");

    @Test
    void everyMessageReportAndSeriesHasExactlyOneObservationAfterSigkillsMidBurst() throws Exception {
        HubTestSettings settings = new HubTestSettings();
        Random random = new Random(SEED);
        FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
        CrashFigures figures = new CrashFigures();
        HubJvm hub = HubJvm.fromClasspath(settings, HUB);
        try {
            for (int round = 1; round <= KILL_POINTS; round++) {
                List<CrashMessages.Message> burst = CrashMessages.burst(round, MESSAGES);
                List<CrashReports.Report> reports = CrashReports.burst(FHIR_REPORTS);
                List<CrashSeries.Series> series = CrashSeries.burst(settings.dataDir.resolve("pacs"), round, DICOM_INSTANCES,
                        SERIES_SIZE, new Random(SEED + round));
                int killAfter = MESSAGES / 10 + random.nextInt(MESSAGES * 8 / 10);

                AtomicInteger hl7Acks = new AtomicInteger();
                AtomicBoolean killed = new AtomicBoolean();
                CrashReports.Sender fhirSender = new CrashReports.Sender(settings.fhirBase(), reports);
                CrashDicomSender pacs = new CrashDicomSender(settings.dicomPort, series);
                Thread fhirSending = new Thread(() -> fhirSender.sendPaced(hl7Acks::get, MESSAGES, killed::get), "crash-fhir-sender");
                Thread dicomSending = new Thread(() -> pacs.sendPaced(hl7Acks::get, MESSAGES, killed::get), "crash-pacs");
                fhirSending.start();
                dicomSending.start();
                AtomicIntegerArray acknowledged = sendKillingAfter(settings.hl7Port, burst, hub, killAfter, hl7Acks, killed);
                fhirSending.join();
                dicomSending.join();
                int acknowledgedBeforeKill = count(acknowledged);
                int instancesBeforeKill = pacs.acknowledged();

                hub = HubJvm.fromClasspath(settings, HUB);
                Listening.awaitPort(settings.dicomPort);
                int resent = resendUnacknowledged(settings.hl7Port, burst, acknowledged);
                int reportsResent = fhirSender.resendUnaccepted();
                int instancesResent = pacs.resendUnacknowledged();

                CrashFigures.Row hl7 = CrashFigures.row("HL7", MESSAGES, acknowledgedBeforeKill, resent,
                        ObservationCounts.await(burst, m -> fhir.observationsFor(CrashMessages.PATIENT_SYSTEM, m.mrn()).size(), SETTLE));
                CrashFigures.Row fhirRow = CrashFigures.row("FHIR", FHIR_REPORTS, FHIR_REPORTS - reportsResent, reportsResent,
                        ObservationCounts.await(reports, r -> fhir.observationsFor(CrashReports.PATIENT_SYSTEM, r.mrn()).size(), SETTLE));
                CrashFigures.Row dicom = CrashFigures.row("DICOM", CrashSeries.instanceCount(series), instancesBeforeKill,
                        instancesResent, ObservationCounts.await(series, s -> fhir.observationsWithRequestId(s.requestId()).size(), SETTLE));
                long seriesStarted = series.stream().filter(s -> pacs.acknowledgedIn(s) > 0).count();
                figures.record(round, "seed " + SEED + ", SIGKILL after " + killAfter + " AAs", hl7);
                figures.record(round, "", fhirRow);
                figures.record(round, series.size() + " series, " + seriesStarted + " with an instance stored before SIGKILL", dicom);

                assertThat(acknowledgedBeforeKill).as("the kill came mid-burst").isBetween(killAfter, MESSAGES - 1);
                for (CrashFigures.Row row : List.of(hl7, fhirRow, dicom)) {
                    assertThat(row.lost()).as(row.channel() + ": without an Observation").isZero();
                    assertThat(row.duplicated()).as(row.channel() + ": with more than one Observation").isZero();
                }
                // the rest of a series resent after the restart is grouped a quiet period after it arrived
                Path logs = settings.dataDir;
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(
                        SeriesGrouping.shortSeries(logs, CrashSeries.sizes(series)))
                        .as("DICOM: series with an instance lost inside the hub").isEmpty());
            }
            figures.printTotals(KILL_POINTS, SEED);
        } finally {
            hub.close();
        }
    }

    /** Sends the burst from several connections; once {@code killAfter} AAs have arrived the hub is killed. */
    private static AtomicIntegerArray sendKillingAfter(int port, List<CrashMessages.Message> burst, HubJvm hub, int killAfter,
                                                       AtomicInteger acks, AtomicBoolean killed) throws Exception {
        AtomicIntegerArray acknowledged = new AtomicIntegerArray(burst.size());
        AtomicInteger next = new AtomicInteger();
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
                } catch (IOException killedUnderSender) {
                    // the hub died under this sender: what it did not get AA for stays the sender's to resend
                }
                return null;
            }));
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(1)).until(() -> acks.get() >= killAfter);
        hub.kill();
        killed.set(true);
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

    private static int count(AtomicIntegerArray flags) {
        int n = 0;
        for (int i = 0; i < flags.length(); i++) n += flags.get(i);
        return n;
    }
}
