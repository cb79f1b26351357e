package org.medgemmahub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.medgemmahub.HubApplication;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.MllpConnection;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub with TLS switched on by configuration, a self-signed certificate made at test time: MLLP over TLS answers
 * AA, while a plain-TCP client gets no answer and does not disturb the listener.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SecureListenersRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create("hub");

    @DynamicPropertySource
    static void hubWithTlsOnEveryListener(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medgemma.enabled", () -> "false");
        registry.add("hub.hl7.tls.enabled", () -> "true");
        registry.add("hub.hl7.tls.key-store", CERTIFICATE.keyStore::toString);
        registry.add("hub.hl7.tls.key-store-password", () -> SelfSignedCertificate.PASSWORD);
    }

    @Test
    void answersAaToAnOruSentOverMllpWithTls() throws Exception {
        Listening.awaitPort(HUB.hl7Port);
        Hl7Messages oru = Hl7Messages.uniqueOru();

        String ack;
        try (MllpConnection ehr = new MllpConnection(tlsSocket(HUB.hl7Port))) {
            ack = ehr.send(oru.er7);
        }

        assertThat(MllpConnection.ackCode(ack)).isEqualTo("AA");
        assertThat(ack).contains("|" + oru.controlId);
    }

    @Test
    void givesAPlainTcpClientNoAcknowledgementAndKeepsServingTlsClients() throws Exception {
        Listening.awaitPort(HUB.hl7Port);

        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), HUB.hl7Port)) {
            plain.setSoTimeout(10_000);
            OutputStream out = plain.getOutputStream();
            out.write(0x0b);
            out.write(Hl7Messages.uniqueOru().er7.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {0x1c, 0x0d});
            out.flush();
            byte[] answer = everythingUntilClosed(plain.getInputStream());
            assertThat(answer).as("at most a TLS alert record, no MLLP frame").doesNotContain((byte) 0x0b);
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain("MSA|");
        }

        try (MllpConnection ehr = new MllpConnection(tlsSocket(HUB.hl7Port))) {
            assertThat(MllpConnection.ackCode(ehr.send(Hl7Messages.uniqueOru().er7))).isEqualTo("AA");
        }
    }

    /** What the peer sent before it closed or reset the connection (a read timeout fails the test). */
    static byte[] everythingUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) received.write(buffer, 0, n);
        } catch (SocketException reset) {
            // closed by the peer with unread data on our side
        }
        return received.toByteArray();
    }

    static SSLSocket tlsSocket(int port) throws Exception {
        SSLSocket socket = (SSLSocket) CERTIFICATE.clientContext().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        return socket;
    }
}
