package org.medgemmahub.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.Dcmtk.Syntax;
import org.medgemmahub.support.FreePorts;
import org.medgemmahub.support.Listening;

/** The hub's own SCU (dicom-echo, dicom-send) against DCMTK's storescp: interop in the other direction. */
class DicomCommandsIT {
    @TempDir Path received;
    @TempDir Path files;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    int port;
    Process storescp;

    @BeforeEach
    void startStorescp() throws IOException {
        Dcmtk.require();
        port = FreePorts.next();
        storescp = new ProcessBuilder("storescp", "+xa", "-aet", "STORESCP", "-od", received.toString(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(files.resolve("storescp.log").toFile()).start();
        Listening.awaitPort(port);
    }

    @AfterEach
    void stopStorescp() throws InterruptedException {
        if (storescp != null) {
            storescp.destroy();
            storescp.waitFor();
        }
    }

    @Test
    void dicomEchoGetsSuccessFromStorescp() {
        int exit = new DicomEchoCommand(out).run("-aet", "HUBTEST", "-aec", "STORESCP", "127.0.0.1", String.valueOf(port));

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString()).contains("C-ECHO STORESCP@127.0.0.1:" + port + " status 0x0000");
    }

    @Test
    void dicomSendStoresAFolderOfInstancesInSeveralSyntaxesAndReportsEach() throws Exception {
        Path folder = Files.createDirectories(files.resolve("study"));
        List<Syntax> syntaxes = List.of(Syntax.JPEG_BASELINE, Syntax.EXPLICIT_LITTLE, Syntax.IMPLICIT_LITTLE, Syntax.RLE, Syntax.JPEG_LOSSLESS_SV1);
        for (Syntax syntax : syntaxes) Dcmtk.instance(Files.createDirectories(folder.resolve(syntax.name())), syntax.name(), syntax);

        int exit = new DicomSendCommand(out).run("-aec", "STORESCP", "127.0.0.1", String.valueOf(port), folder.toString());

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString().lines().filter(l -> l.startsWith("0x0000 "))).hasSize(5);
        assertThat(output.toString()).contains("dicom-send: 5 stored, 0 failed");
        try (Stream<Path> stored = Files.list(received)) {
            List<Path> copies = stored.toList();
            assertThat(copies).hasSize(5);
            for (Path copy : copies) {
                String syntax = Dcmtk.transferSyntaxOf(copy);
                assertThat(syntaxes).extracting(s -> s.uid).contains(syntax);
            }
        }
    }

    @Test
    void dicomSendReportsAFileThatIsNotDicomAndExitsOne() throws Exception {
        Path good = Dcmtk.jpegBaseline(files, "good");
        Path text = Files.writeString(files.resolve("notes.txt"), "not an image");

        int exit = new DicomSendCommand(out).run("-aec", "STORESCP", "127.0.0.1", String.valueOf(port), good.toString(), text.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output.toString()).contains("FAILED " + text + ": not a DICOM Part 10 file").contains("dicom-send: 1 stored, 1 failed");
    }
}
