package org.medgemmahub.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad peers over a raw socket: each gets an A-ABORT (or RJ), and the SCP serves the next association. */
class MalformedPduTest {
    @TempDir Path spoolDir;
    TestScp scp;

    @BeforeEach
    void start() throws IOException {
        scp = new TestScp(spoolDir, new ScpSettings(TestScp.AE, Set.of(), 16384, Duration.ofSeconds(1), Duration.ofSeconds(1), 16));
    }

    @AfterEach
    void stop() {
        scp.close();
    }

    @Test
    void abortsGarbageBytesAsAnUnrecognizedPduAndKeepsServing() throws Exception {
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x4A;

        assertThat(answerTo(garbage, false)).isEqualTo(Abort.byProvider(Abort.UNRECOGNIZED_PDU));
        assertNextAssociationWorks();
    }

    @Test
    void abortsAPDataTfSentInsteadOfAnAssociateRequest() throws Exception {
        byte[] data = PduWriter.encode(new DataTransfer(List.of(new Pdv(1, true, true, new byte[] {1, 2, 3}))));

        assertThat(answerTo(data, false)).isEqualTo(Abort.byProvider(Abort.UNEXPECTED_PDU));
        assertNextAssociationWorks();
    }

    @Test
    void abortsAPDataTfCutShortByTheSender() throws Exception {
        try (Socket socket = associated()) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {4, 0, 0, 0, 0, 100, 0, 0, 0, 20, 3, 0, 1, 2});
            out.flush();
            socket.shutdownOutput();

            assertThat(read(socket)).isEqualTo(Abort.byProvider(Abort.INVALID_PDU_PARAMETER_VALUE));
        }
        assertNextAssociationWorks();
    }

    @Test
    void abortsAPdvWhoseLengthRunsPastItsPdu() throws Exception {
        try (Socket socket = associated()) {
            socket.getOutputStream().write(new byte[] {4, 0, 0, 0, 0, 8, 0, 0, 0, 50, 3, 3, 1, 2});

            assertThat(read(socket)).isEqualTo(Abort.byProvider(Abort.INVALID_PDU_PARAMETER_VALUE));
        }
        assertNextAssociationWorks();
    }

    @Test
    void abortsADataSetFragmentThatNoCommandAnnounced() throws Exception {
        try (Socket socket = associated()) {
            socket.getOutputStream().write(PduWriter.encode(new DataTransfer(List.of(new Pdv(3, false, true, new byte[] {1, 2})))));

            assertThat(read(socket)).isEqualTo(Abort.byProvider(Abort.UNEXPECTED_PDU_PARAMETER));
        }
        assertNextAssociationWorks();
    }

    @Test
    void abortsASecondAssociateRequestOnAnEstablishedAssociation() throws Exception {
        try (Socket socket = associated()) {
            socket.getOutputStream().write(PduWriter.encode(request()));

            assertThat(read(socket)).isEqualTo(Abort.byProvider(Abort.UNEXPECTED_PDU));
        }
        assertNextAssociationWorks();
    }

    @Test
    void abortsAnAssociationThatStaysSilentPastTheIdleTimeout() throws Exception {
        try (Socket socket = associated()) {
            assertThat(read(socket)).isEqualTo(Abort.byProvider(Abort.REASON_NOT_SPECIFIED));
        }
        assertNextAssociationWorks();
    }

    @Test
    void abortsAConnectionThatSendsNothingWithinTheArtimTimeout() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            socket.setSoTimeout(10_000);

            assertThat(read(socket)).isInstanceOf(Abort.class);
        }
        assertNextAssociationWorks();
    }

    private Pdu answerTo(byte[] bytes, boolean closeOutput) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), scp.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(bytes);
            if (closeOutput) socket.shutdownOutput();
            return read(socket);
        }
    }

    private Socket associated() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), scp.port());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(PduWriter.encode(request()));
        assertThat(read(socket)).isInstanceOf(AssociateAccept.class);
        return socket;
    }

    private static AssociateRequest request() {
        return new AssociateRequest(1, TestScp.AE, "RAW", AssociateRequest.DICOM_APPLICATION_CONTEXT,
                List.of(ProposedContexts.verification(1), new PresentationContext(3, TestScp.SECONDARY_CAPTURE, List.of(TestScp.EXPLICIT_LE))),
                16384, "1.2.3", "");
    }

    private static Pdu read(Socket socket) throws IOException {
        return new PduReader(socket.getInputStream(), 1 << 20).read();
    }

    private void assertNextAssociationWorks() throws IOException {
        try (DicomClient client = scp.client("NEXT", List.of(ProposedContexts.verification(1)))) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            client.release();
        }
    }
}
