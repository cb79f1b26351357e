package org.medgemmahub.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medgemmahub.dicom.Dcmtk;
import org.medgemmahub.dicom.Dcmtk.Syntax;

/** DCMTK's echoscu and storescu against the hub's Storage SCP. */
class DcmtkStorageScpIT {
    @TempDir Path spoolDir;
    @TempDir Path files;
    TestScp scp;

    @BeforeEach
    void start() throws IOException {
        Dcmtk.require();
        scp = new TestScp(spoolDir, TestScp.settings(16384, Duration.ofSeconds(30), 32, Set.of()));
    }

    @AfterEach
    void stop() {
        if (scp != null) scp.close();
    }

    @Test
    void echoscuGetsSuccess() {
        Dcmtk.Result echo = Dcmtk.run("echoscu", "-v", "-aec", TestScp.AE, "127.0.0.1", port());

        assertThat(echo.exitCode()).as(echo.output()).isZero();
        assertThat(echo.output()).contains("Received Echo Response (Success)");
    }

    @ParameterizedTest
    @EnumSource(value = Syntax.class, names = "JPEG_LS_LOSSLESS", mode = EnumSource.Mode.EXCLUDE)
    void storescuGetsSuccessAndTheSpoolHoldsAValidPart10FileInTheAcceptedSyntax(Syntax syntax) throws IOException {
        Path file = Dcmtk.instance(files, syntax.name(), syntax);
        assertThat(Dcmtk.transferSyntaxOf(file)).isEqualTo(syntax.uid);

        Dcmtk.Result store = Dcmtk.run("storescu", "-v", syntax.storescuProposal, "-aet", "MODALITY1", "-aec", TestScp.AE, "127.0.0.1", port(), file.toString());

        assertThat(store.exitCode()).as(store.output()).isZero();
        assertThat(store.output()).contains("Received Store Response (Success)");
        ReceivedInstance stored = scp.received.get(0);
        String dump = Dcmtk.ok("dcmdump", "-Un", "+P", "0002,0010", "+P", "0008,0018", "+P", "0002,0003", stored.file().toString());
        assertThat(dump).contains("[" + stored.transferSyntaxUid() + "]").contains("[" + stored.sopInstanceUid() + "]");
        assertThat(stored.transferSyntaxUid()).as("the proposed syntax is accepted and the data kept as sent").isEqualTo(syntax.uid);
        Dcmtk.ok("dcmdump", "+E", stored.file().toString()); // the whole data set parses
    }

    @Test
    void declinesAJpegLsInstanceInNegotiationAndServesTheNextAssociation() throws IOException {
        Path jpegLs = Dcmtk.instance(files, "jpegls", Syntax.JPEG_LS_LOSSLESS);

        Path profile = Dcmtk.jpegLsOnlyProfile(files);

        Dcmtk.Result store = Dcmtk.run("storescu", "-v", "-xf", profile.toString(), "JpegLsOnly", "-aec", TestScp.AE, "127.0.0.1", port(),
                jpegLs.toString());

        assertThat(store.exitCode()).isNotZero();
        assertThat(store.output()).contains("No Acceptable Presentation Contexts");
        assertThat(scp.received).isEmpty();
        Dcmtk.Result next = Dcmtk.run("echoscu", "-aec", TestScp.AE, "127.0.0.1", port());
        assertThat(next.exitCode()).as(next.output()).isZero();
    }

    @Test
    void declinesANonImageObjectAndServesTheNextAssociation() throws IOException {
        Path report = Dcmtk.structuredReport(files);

        Dcmtk.Result store = Dcmtk.run("storescu", "-aec", TestScp.AE, "127.0.0.1", port(), report.toString());

        assertThat(store.exitCode()).isNotZero();
        assertThat(store.output()).contains("No presentation context for: (SRt) 1.2.840.10008.5.1.4.1.1.88.11");
        assertThat(scp.received).isEmpty();
        assertThat(Dcmtk.run("echoscu", "-aec", TestScp.AE, "127.0.0.1", port()).exitCode()).isZero();
    }

    @Test
    void rejectsACallingAeOutsideTheAllowListAndLetsAnAllowedOneIn() throws IOException {
        scp.close();
        scp = new TestScp(spoolDir, TestScp.settings(16384, Duration.ofSeconds(30), 32, Set.of("PACS1")));

        Dcmtk.Result intruder = Dcmtk.run("echoscu", "-aet", "INTRUDER", "-aec", TestScp.AE, "127.0.0.1", port());
        Dcmtk.Result allowed = Dcmtk.run("echoscu", "-aet", "PACS1", "-aec", TestScp.AE, "127.0.0.1", port());

        assertThat(intruder.exitCode()).isNotZero();
        assertThat(intruder.output()).contains("Calling AE Title Not Recognized");
        assertThat(allowed.exitCode()).as(allowed.output()).isZero();
    }

    @Test
    void rejectsAnotherCalledAeTitle() {
        Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", "NOT-THE-HUB", "127.0.0.1", port());

        assertThat(echo.exitCode()).isNotZero();
        assertThat(echo.output()).contains("Called AE Title Not Recognized");
    }

    @Test
    void sixteenConcurrentStorescuProcessesAllGetSuccess() throws Exception {
        List<Path> instances = new ArrayList<>();
        for (int i = 0; i < 16; i++) instances.add(Dcmtk.jpegBaseline(files, "concurrent-" + i));

        List<CompletableFuture<Dcmtk.Result>> pushes = new ArrayList<>();
        for (Path instance : instances) {
            pushes.add(CompletableFuture.supplyAsync(() -> Dcmtk.run("storescu", "-xy", "-aec", TestScp.AE, "127.0.0.1", port(), instance.toString()),
                    java.util.concurrent.Executors.newSingleThreadExecutor()));
        }

        for (CompletableFuture<Dcmtk.Result> push : pushes) assertThat(push.get().exitCode()).as(push.get().output()).isZero();
        assertThat(scp.received).hasSize(16);
        assertThat(scp.received).extracting(ReceivedInstance::sopInstanceUid).doesNotHaveDuplicates();
    }

    private String port() {
        return String.valueOf(scp.port());
    }
}
