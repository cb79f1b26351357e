package org.medgemmahub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.medgemmahub.HubApplication;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.dicom.net.Status;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.MllpConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub with TLS switched on by configuration on all three listeners (a self-signed certificate made at test
 * time) and an HL7 sending-facility allow-list: MLLP over TLS with a client certificate answers AA, while a plain-TCP
 * client or a TLS client without a certificate gets no answer and does not disturb the listener; an unlisted MSH-4 gets AR and is kept; DICOM C-ECHO and C-STORE work over TLS; actuator
 * health answers over HTTPS.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SecureListenersRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create("hub");
    /** The EHR's certificate: MLLP requires a trusted client certificate. */
    static final SelfSignedCertificate EHR = SelfSignedCertificate.create("ehr");

    @DynamicPropertySource
    static void hubWithTlsOnEveryListener(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medgemma.enabled", () -> "false");
        registry.add("hub.hl7.tls.enabled", () -> "true");
        registry.add("hub.hl7.tls.key-store", CERTIFICATE.keyStore::toString);
        registry.add("hub.hl7.tls.key-store-password", () -> SelfSignedCertificate.PASSWORD);
        registry.add("hub.hl7.tls.client-auth", () -> "need");
        registry.add("hub.hl7.tls.trust-store", EHR.trustStore::toString);
        registry.add("hub.hl7.tls.trust-store-password", () -> SelfSignedCertificate.PASSWORD);
        registry.add("hub.hl7.allowed-sending-facilities", () -> "GENERAL_HOSP,CLINIC2");
        registry.add("hub.dicom.tls.enabled", () -> "true");
        registry.add("hub.dicom.tls.key-store", CERTIFICATE.keyStore::toString);
        registry.add("hub.dicom.tls.key-store-password", () -> SelfSignedCertificate.PASSWORD);
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", CERTIFICATE.keyStore::toString);
        registry.add("server.ssl.key-store-password", () -> SelfSignedCertificate.PASSWORD);
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
    }

    @Autowired EmbeddedActiveMQ broker;

    @Test
    void answersArWithTableValueNotFoundToAnUnlistedSendingFacilityAndKeepsTheMessage() throws Exception {
        Listening.awaitPort(HUB.hl7Port);
        Hl7Messages oru = Hl7Messages.uniqueOru();
        long rejectedBefore = queueDepth("hub.hl7.rejected");

        String ack;
        try (MllpConnection ehr = new MllpConnection(tlsSocket(HUB.hl7Port))) {
            ack = ehr.send(oru.er7.replace("|GENERAL_HOSP|", "|OTHER_HOSP|"));
        }

        assertThat(MllpConnection.ackCode(ack)).isEqualTo("AR");
        assertThat(ack).contains("ERR|||103^Table value not found^HL70357").contains("HL7-SENDER").contains("|" + oru.controlId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queueDepth("hub.hl7.rejected")).isEqualTo(rejectedBefore + 1));
    }

    @Test
    void echoesAndStoresOverDicomTls() throws Exception {
        Listening.awaitPort(HUB.dicomPort);
        TlsSettings pacs = TlsSettings.client(CERTIFICATE.trustStore, SelfSignedCertificate.PASSWORD);
        Part10Input instance = Part10Input.read(DicomSamples.named("mr-t1-16bit.dcm"));

        try (DicomClient client = DicomClient.open("127.0.0.1", HUB.dicomPort, "PACS", "MEDGEMMA",
                List.of(ProposedContexts.verification(1)), Duration.ofSeconds(30), pacs)) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            client.release();
        }
        try (DicomClient client = DicomClient.open("127.0.0.1", HUB.dicomPort, "PACS", "MEDGEMMA",
                ProposedContexts.forFiles(List.of(instance)), Duration.ofSeconds(30), pacs)) {
            assertThat(client.store(instance)).as("C-STORE-RSP status").isEqualTo(Status.SUCCESS);
            client.release();
        }
        assertThatIOException().as("plain TCP against the TLS port").isThrownBy(() -> DicomClient.open("127.0.0.1", HUB.dicomPort,
                "PACS", "MEDGEMMA", List.of(ProposedContexts.verification(1)), Duration.ofSeconds(10)));
    }

    @Test
    void answersActuatorHealthOverHttpsToAClientTrustingTheCertificate() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(CERTIFICATE.clientContext()).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> liveness = https.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + HUB.httpPort + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metadata = https.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + HUB.httpPort + "/fhir/metadata")).header("Accept", "application/fhir+json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("CapabilityStatement");
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + HUB.httpPort + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).as("plain HTTP on the HTTPS port").isEqualTo(400);
    }

    private long queueDepth(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessageCount();
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

    @Test
    void refusesAnMllpTlsClientWithoutACertificateAndKeepsServing() throws Exception {
        Listening.awaitPort(HUB.hl7Port);

        assertThatIOException().as("a TLS client showing no certificate").isThrownBy(() -> {
            try (SSLSocket anonymous = (SSLSocket) CERTIFICATE.clientContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), HUB.hl7Port);
                 MllpConnection ehr = new MllpConnection(anonymous)) {
                anonymous.setSoTimeout(10_000);
                ehr.send(Hl7Messages.uniqueOru().er7);
            }
        });
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

    /** A TLS connection of the EHR: trusts the hub's certificate, shows its own. */
    static SSLSocket tlsSocket(int port) throws Exception {
        TlsSettings ehr = new TlsSettings(true, EHR.keyStore, SelfSignedCertificate.PASSWORD, "PKCS12", null, CERTIFICATE.trustStore,
                SelfSignedCertificate.PASSWORD, "PKCS12", null, null);
        SSLSocket socket = (SSLSocket) new TlsContextFactory(ehr).sslContext().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        return socket;
    }
}
