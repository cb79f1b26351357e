package org.medgemmahub.dicom.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.net.Abort;
import org.medgemmahub.dicom.net.AssociateAccept;
import org.medgemmahub.dicom.net.AssociateReject;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.InstanceSpool;
import org.medgemmahub.dicom.net.Pdu;
import org.medgemmahub.dicom.net.PduReader;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.dicom.net.ReleaseResponse;
import org.medgemmahub.dicom.net.ScpSettings;
import org.medgemmahub.dicom.net.Status;
import org.medgemmahub.dicom.net.StorageScp;

/**
 * Seeded raw byte streams against the Storage SCP (see {@link PduStreamMutator}): every connection ends, within a
 * timeout, with an A-ABORT, an A-ASSOCIATE-RJ, an A-RELEASE-RP or a clean close; no stream makes an association thread
 * allocate more than a few PDUs' worth (a 0xFFFFFFFF length is refused before any buffer is made); and a C-ECHO by
 * DicomClient succeeds after all of them.
 * 1,000 cases by default; {@code -Dfuzz.pdu.cases=N} for the long run, {@code -Dfuzz.seed=N} to replay.
 */
class PduStreamFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.pdu.cases", 1000);
    private static final long SEED = Long.getLong("fuzz.seed", 7_2026L);
    private static final int CASE_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_ASSOCIATIONS = 4;
    /** Far below one 0xFFFFFFFF buffer, far above what a 16 KB PDU limit and a 64 KB association PDU limit need. */
    private static final long MAX_BYTES_ALLOCATED_PER_CASE = 8L << 20;

    @TempDir Path spoolDir;
    private final AtomicInteger stored = new AtomicInteger();
    private StorageScp scp;

    @BeforeEach
    void start() throws IOException {
        scp = new StorageScp(new ScpSettings(PduStreamMutator.SCP_AE, Set.of(), 16384, Duration.ofSeconds(2), Duration.ofSeconds(2),
                MAX_ASSOCIATIONS), new InstanceSpool(spoolDir), instance -> {
                    stored.incrementAndGet();
                    return Status.SUCCESS;
                });
        scp.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        scp.close();
    }

    @Test
    void endsEveryMutatedStreamWithAnAbortARejectAReleaseOrACloseAndStillAnswersAnEcho() throws Exception {
        PduStreamMutator mutator = new PduStreamMutator(SEED);
        long otherAssociationThreads = HubHealthWatch.threadsNamed("dicom-association-"); // of hubs other tests left running
        Map<String, Integer> endings = new TreeMap<>();
        Map<String, Map<String, Integer>> endingsByKind = new TreeMap<>();
        long mostAllocated = 0;
        String mostAllocating = "none";
        long started = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            PduStreamMutator.Case fuzzed = mutator.next();
            long allocatedBefore = allocatedByAssociationThreads();
            String ending = send(fuzzed);
            long allocated = allocatedByAssociationThreads() - allocatedBefore;
            if (allocated > mostAllocated) {
                mostAllocated = allocated;
                mostAllocating = i + " (" + fuzzed.kind() + ")";
            }
            assertThat(ending).as("ending of fuzz case %d (%s, seed %d)", i, fuzzed.kind(), SEED)
                    .matches("A-ABORT.*|A-ASSOCIATE-RJ.*|A-RELEASE-RP|closed");
            if (fuzzed.kind().equals("huge-length") || fuzzed.kind().equals("pdv-overrun")) {
                assertThat(ending).as("case %d (%s) is a protocol error", i, fuzzed.kind()).startsWith("A-ABORT");
            }
            if (fuzzed.kind().equals("valid-session")) assertThat(ending).as("control case %d", i).isEqualTo("A-RELEASE-RP");
            endings.merge(ending, 1, Integer::sum);
            endingsByKind.computeIfAbsent(fuzzed.kind(), k -> new TreeMap<>()).merge(ending, 1, Integer::sum);
        }

        try (DicomClient client = DicomClient.open("127.0.0.1", scp.localPort(), "NEXT", PduStreamMutator.SCP_AE,
                List.of(ProposedContexts.verification(1)), Duration.ofSeconds(10))) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            client.release();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(HubHealthWatch.threadsNamed("dicom-association-")).isLessThanOrEqualTo(otherAssociationThreads + MAX_ASSOCIATIONS));
        System.out.printf("PDU stream fuzz: %d cases (seed %d) in %d ms, endings %s, by kind %s, %d instances stored, "
                        + "at most %d KB allocated by the SCP for one case (case %s), echo still answered%n", CASES, SEED,
                (System.nanoTime() - started) / 1_000_000, endings, endingsByKind, stored.get(), mostAllocated >> 10, mostAllocating);
        assertThat(mostAllocated).as("bytes the SCP allocated for one case").isLessThan(MAX_BYTES_ALLOCATED_PER_CASE);
        assertThat(endings.keySet().stream().filter(e -> e.startsWith("A-ABORT")).mapToInt(endings::get).sum())
                .as("most streams are aborted").isGreaterThan(CASES / 3);
    }

    /** Sends the stream, half-closes, and reads what the SCP answers up to its last PDU; that last PDU names the ending. */
    private String send(PduStreamMutator.Case fuzzed) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), scp.localPort())) {
            socket.setSoTimeout(CASE_TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(fuzzed.bytes());
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // the SCP answered and closed before taking every byte: what it said is still readable below
            }
            PduReader reader = new PduReader(socket.getInputStream(), 1 << 20);
            Pdu last = null;
            while (true) {
                Pdu pdu;
                try {
                    pdu = reader.read();
                } catch (EOFException closed) {
                    return describe(last);
                } catch (SocketTimeoutException hang) {
                    throw new AssertionError("fuzz case " + fuzzed.index() + " (" + fuzzed.kind() + ", seed " + SEED
                            + ") still open after " + CASE_TIMEOUT_MILLIS + " ms", hang);
                }
                if (pdu instanceof AssociateReject || pdu instanceof Abort) return describe(pdu);
                last = pdu;
            }
        }
    }

    private static String describe(Pdu pdu) {
        if (pdu instanceof Abort abort) return "A-ABORT(" + abort.reason() + ")";
        if (pdu instanceof AssociateReject reject) return "A-ASSOCIATE-RJ(" + reject.reason() + ")";
        if (pdu instanceof ReleaseResponse) return "A-RELEASE-RP";
        return pdu == null || pdu instanceof AssociateAccept ? "closed" : "closed after " + pdu.getClass().getSimpleName();
    }

    /** Bytes allocated so far by association threads (HotSpot's per-thread allocation counter); others' stay idle. */
    private static long allocatedByAssociationThreads() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("dicom-association-"))
                .mapToLong(t -> Math.max(0, threads.getThreadAllocatedBytes(t.getId()))).sum();
    }
}
