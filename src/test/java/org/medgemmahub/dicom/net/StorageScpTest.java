package org.medgemmahub.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's SCP and SCU talking to each other over real sockets. */
class StorageScpTest {
    @TempDir Path spoolDir;
    @TempDir Path files;

    @Test
    void answersCEchoWithSuccess() throws Exception {
        try (TestScp scp = new TestScp(spoolDir, TestScp.settings(16384, Duration.ofSeconds(10), 16, Set.of()));
             DicomClient client = scp.client("SCU", List.of(ProposedContexts.verification(1)))) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            client.release();
        }
    }

    @Test
    void spoolsALargeInstanceFragmentedBothWaysAsAPart10FileWithTheDataSetUnchanged() throws Exception {
        Path file = TestScp.part10File(files, "1.2.826.0.1.3680043.2.1.1", 300_000);
        Part10Input input = Part10Input.read(file);

        try (TestScp scp = new TestScp(spoolDir, TestScp.settings(4096, Duration.ofSeconds(10), 16, Set.of()));
             DicomClient client = scp.client("MODALITY1", ProposedContexts.forFiles(List.of(input)))) {
            assertThat(client.store(input)).isEqualTo(Status.SUCCESS);
            client.release();

            ReceivedInstance stored = scp.received.get(0);
            assertThat(stored.sopInstanceUid()).isEqualTo("1.2.826.0.1.3680043.2.1.1");
            assertThat(stored.sopClassUid()).isEqualTo(TestScp.SECONDARY_CAPTURE);
            assertThat(stored.transferSyntaxUid()).isEqualTo(TestScp.EXPLICIT_LE);
            assertThat(stored.callingAeTitle()).isEqualTo("MODALITY1");
            assertThat(stored.file()).isEqualTo(spoolDir.resolve("incoming/MODALITY1/1.2.826.0.1.3680043.2.1.1.dcm"));
            assertThat(TestScp.dataSetOf(stored.file())).isEqualTo(TestScp.dataSetOf(file));
            // answered, still pending until whoever queues it releases it
            assertThat(scp.spool.pending()).containsExactly(stored);
        }
    }

    @Test
    void answersTheHandlersFailureStatusAndRemovesTheSpoolFile() throws Exception {
        Part10Input input = Part10Input.read(TestScp.part10File(files, "1.2.3.4.5", 1000));

        try (TestScp scp = new TestScp(spoolDir, TestScp.settings(16384, Duration.ofSeconds(10), 16, Set.of()));
             DicomClient client = scp.client("MODALITY1", ProposedContexts.forFiles(List.of(input)))) {
            scp.answer = Status.OUT_OF_RESOURCES;

            assertThat(client.store(input)).isEqualTo(0xA700);
            assertThat(scp.received.get(0).file()).doesNotExist();
            assertThat(scp.spool.pending()).isEmpty();
        }
    }

    @Test
    void drainsAnInstanceLargerThanTheLimitAnswersOutOfResourcesKeepsNothingAndStoresTheNextOne() throws Exception {
        Part10Input large = Part10Input.read(TestScp.part10File(files, "1.2.3.4.6", 200_000));
        Part10Input small = Part10Input.read(TestScp.part10File(files, "1.2.3.4.7", 50_000));

        try (TestScp scp = new TestScp(spoolDir, TestScp.settings(16384, Duration.ofSeconds(10), 16, Set.of()), 100_000);
             DicomClient client = scp.client("MODALITY1", ProposedContexts.forFiles(List.of(large, small)))) {
            assertThat(client.store(large)).isEqualTo(Status.OUT_OF_RESOURCES);
            assertThat(client.store(small)).isEqualTo(Status.SUCCESS);
            client.release();

            assertThat(scp.received).extracting(ReceivedInstance::sopInstanceUid).containsExactly("1.2.3.4.7");
            try (var left = Files.walk(spoolDir)) {
                assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("1.2.3.4.7.dcm", "1.2.3.4.7.pending");
            }
        }
    }

    @Test
    void servesSixteenAssociationsAtOnce() throws Exception {
        List<Part10Input> inputs = new ArrayList<>();
        for (int i = 1; i <= 16; i++) inputs.add(Part10Input.read(TestScp.part10File(files, "1.2.3.4." + i, 50_000)));
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try (TestScp scp = new TestScp(spoolDir, TestScp.settings(16384, Duration.ofSeconds(10), 16, Set.of()))) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Part10Input input : inputs) {
                statuses.add(senders.submit((Callable<Integer>) () -> {
                    try (DicomClient client = scp.client("SCU", ProposedContexts.forFiles(List.of(input)))) {
                        int status = client.store(input);
                        client.release();
                        return status;
                    }
                }));
            }
            for (Future<Integer> status : statuses) assertThat(status.get()).isEqualTo(Status.SUCCESS);
            assertThat(scp.received).hasSize(16);
            try (var stored = Files.list(spoolDir.resolve("incoming/SCU"))) {
                assertThat(stored.filter(p -> p.toString().endsWith(".dcm")).count()).isEqualTo(16);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void rejectsACallerBeyondMaxAssociationsAsTransientLocalLimit() throws Exception {
        try (TestScp scp = new TestScp(spoolDir, TestScp.settings(16384, Duration.ofSeconds(10), 1, Set.of()));
             DicomClient first = scp.client("SCU", List.of(ProposedContexts.verification(1)))) {
            assertThatThrownBy(() -> scp.client("SCU", List.of(ProposedContexts.verification(1))))
                    .isInstanceOfSatisfying(AssociationRejectedException.class,
                            e -> assertThat(e.reject()).isEqualTo(AssociateReject.localLimitExceeded()));
            assertThat(first.echo()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void rejectsACallingAeOutsideTheAllowList() throws Exception {
        try (TestScp scp = new TestScp(spoolDir, TestScp.settings(16384, Duration.ofSeconds(10), 16, Set.of("PACS1")))) {
            assertThatThrownBy(() -> scp.client("INTRUDER", List.of(ProposedContexts.verification(1))))
                    .isInstanceOfSatisfying(AssociationRejectedException.class,
                            e -> assertThat(e.reject()).isEqualTo(AssociateReject.callingAeNotRecognized()));
            try (DicomClient allowed = scp.client("PACS1", List.of(ProposedContexts.verification(1)))) {
                assertThat(allowed.echo()).isEqualTo(Status.SUCCESS);
            }
        }
    }
}
