package org.medgemmahub.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FreePorts;

class DicomCommandsTest {
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void dicomEchoExitsTwoWithUsageWhenThePortIsMissing() {
        assertThat(new DicomEchoCommand(out).run("localhost")).isEqualTo(2);
        assertThat(output.toString()).contains("host and port are required").contains("usage: dicom-echo");
    }

    @Test
    void dicomSendExitsTwoWithoutFiles() throws Exception {
        assertThat(new DicomSendCommand(out).run("-aet", "ME", "localhost", "104")).isEqualTo(2);
        assertThat(output.toString()).contains("at least one file or directory is required");
    }

    @Test
    void rejectsAnAeTitleLongerThanSixteenCharacters() {
        assertThat(new DicomEchoCommand(out).run("-aet", "A-VERY-LONG-AE-TITLE", "localhost", "104")).isEqualTo(2);
        assertThat(output.toString()).contains("AE title must be 1 to 16 characters");
    }

    @Test
    void dicomEchoReportsAPeerThatDoesNotListenAndExitsOne() {
        int port = FreePorts.next();

        assertThat(new DicomEchoCommand(out).run("127.0.0.1", String.valueOf(port))).isEqualTo(1);
        assertThat(output.toString()).contains("C-ECHO MEDGEMMA@127.0.0.1:" + port + " failed");
    }

    @Test
    void dicomSendReportsAMissingFileAsFailed() throws Exception {
        assertThat(new DicomSendCommand(out).run("127.0.0.1", "104", "/no/such/file.dcm")).isEqualTo(1);
        assertThat(output.toString()).contains("FAILED /no/such/file.dcm: no such file or directory").contains("0 stored, 1 failed");
    }
}
