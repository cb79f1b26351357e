package org.medgemmahub.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceSpoolTest {
    static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    static final String ELE = "1.2.840.10008.1.2.1";

    @TempDir Path root;

    static ReceivedInstance announced(String sopInstanceUid, String callingAe) {
        return new ReceivedInstance(SC, sopInstanceUid, ELE, callingAe, "MEDGEMMA", "127.0.0.1:5000", null);
    }

    @Test
    void keepsACommittedInstancePendingUntilItIsHandedOff() throws Exception {
        InstanceSpool spool = new InstanceSpool(root);
        ReceivedInstance stored;
        try (SpoolWriter writer = spool.begin(announced("1.2.3.4", "CT01"))) {
            writer.write(new byte[] {1, 2, 3});
            stored = writer.commit();
        }

        assertThat(stored.file()).isEqualTo(root.resolve("incoming/CT01/1.2.3.4.dcm")).exists();
        assertThat(new InstanceSpool(root).pending()).containsExactly(stored);

        spool.handedOff(stored);

        assertThat(spool.pending()).isEmpty();
        assertThat(stored.file()).exists();
        assertThat(Part10Input.read(stored.file()).sopInstanceUid()).isEqualTo("1.2.3.4");
    }

    @Test
    void leavesNothingBehindForAnAbandonedOrDiscardedInstance() throws Exception {
        InstanceSpool spool = new InstanceSpool(root);
        try (SpoolWriter writer = spool.begin(announced("1.2.3.5", "CT01"))) {
            writer.write(new byte[] {1});
        }
        ReceivedInstance stored;
        try (SpoolWriter writer = spool.begin(announced("1.2.3.6", "CT01"))) {
            stored = writer.commit();
        }
        spool.discard(stored);

        try (var left = Files.walk(root)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void neverLetsAUidOrAeTitleChooseAPathOutsideTheSpool() throws Exception {
        InstanceSpool spool = new InstanceSpool(root);

        assertThatThrownBy(() -> spool.begin(announced("../../etc/passwd", "CT01"))).isInstanceOf(IllegalArgumentException.class);
        try (SpoolWriter writer = spool.begin(announced("1.2.3.7", "../..//x y"))) {
            assertThat(writer.commit().file()).isEqualTo(root.resolve("incoming/.._..__x_y/1.2.3.7.dcm"));
        }
        try (SpoolWriter writer = spool.begin(announced("1.2.3.8", ".."))) {
            assertThat(writer.commit().file().getParent()).isEqualTo(root.resolve("incoming/_"));
        }
    }

    @Test
    void keepsAnInstanceWrittenOnlyToThePageCachePendingLikeASyncedOne() throws Exception {
        InstanceSpool spool = new InstanceSpool(root, SpoolSync.OS, Long.MAX_VALUE);
        ReceivedInstance stored;
        try (SpoolWriter writer = spool.begin(announced("1.2.3.10", "CT01"))) {
            writer.write(new byte[] {1, 2});
            stored = writer.commit();
        }

        assertThat(new InstanceSpool(root).pending()).containsExactly(stored);
        InstanceSpool.forceToDisk(stored.file());
        InstanceSpool.handedOff(stored.file());
        assertThat(spool.pending()).isEmpty();
    }

    @Test
    void recoversAPendingInstanceFromItsFileWhenTheMarkersContentWasLost() throws Exception {
        InstanceSpool spool = new InstanceSpool(root, SpoolSync.OS, Long.MAX_VALUE);
        ReceivedInstance stored;
        try (SpoolWriter writer = spool.begin(announced("1.2.3.11", "CT01"))) {
            stored = writer.commit();
        }
        Files.write(root.resolve("incoming/CT01/1.2.3.11.pending"), new byte[0]);

        assertThat(spool.pending()).singleElement().satisfies(recovered -> {
            assertThat(recovered.sopInstanceUid()).isEqualTo("1.2.3.11");
            assertThat(recovered.sopClassUid()).isEqualTo(SC);
            assertThat(recovered.transferSyntaxUid()).isEqualTo(ELE);
            assertThat(recovered.callingAeTitle()).isEqualTo("CT01");
            assertThat(recovered.file()).isEqualTo(stored.file());
        });
    }

    @Test
    void dropsAMarkerWhoseFileNeverArrived() throws Exception {
        InstanceSpool spool = new InstanceSpool(root);
        Files.createDirectories(root.resolve("incoming/CT01"));
        Files.write(root.resolve("incoming/CT01/1.2.3.12.pending"), new byte[0]);

        assertThat(spool.pending()).isEmpty();
        assertThat(root.resolve("incoming/CT01/1.2.3.12.pending")).doesNotExist();
    }

    @Test
    void refusesADataSetGrowingPastTheSizeLimitAndLeavesNoFile() throws Exception {
        InstanceSpool spool = new InstanceSpool(root, SpoolSync.FSYNC, 4);
        try (SpoolWriter writer = spool.begin(announced("1.2.3.13", "CT01"))) {
            writer.write(new byte[] {1, 2, 3, 4});
            assertThatThrownBy(() -> writer.write(new byte[] {5})).isInstanceOf(InstanceTooLargeException.class)
                    .hasMessageStartingWith("DICOM-TOO-LARGE");
        }

        try (var left = Files.walk(root)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void clearsPartialFilesLeftByACrash() throws Exception {
        InstanceSpool spool = new InstanceSpool(root);
        Files.write(root.resolve("tmp/crashed.part"), new byte[] {1});

        spool.clearPartialFiles();

        assertThat(root.resolve("tmp/crashed.part")).doesNotExist();
    }
}
