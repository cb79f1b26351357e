package org.medgemmahub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.InstanceSpool;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.dicom.net.ReceivedInstance;
import org.medgemmahub.dicom.net.ScpSettings;
import org.medgemmahub.dicom.net.Status;
import org.medgemmahub.dicom.net.StorageScp;
import org.medgemmahub.support.Peers;

/**
 * The hub's Storage SCP over TLS with client certificates required (mutual TLS), against DCMTK built with OpenSSL and
 * against the hub's own client: C-ECHO and C-STORE succeed for a trusted peer; plain TCP and an untrusted certificate fail
 * without affecting the listener.
 */
class DicomTlsIT {
    static final String AE = "MEDGEMMA";
    static final SelfSignedCertificate HUB = SelfSignedCertificate.create("dicom-hub");
    static final SelfSignedCertificate PACS = SelfSignedCertificate.create("pacs");
    static final SelfSignedCertificate STRANGER = SelfSignedCertificate.create("stranger");

    @TempDir Path spoolDir;
    final List<ReceivedInstance> received = new CopyOnWriteArrayList<>();
    StorageScp scp;

    @BeforeEach
    void startScpRequiringTrustedClientCertificates() throws Exception {
        scp = new StorageScp(new ScpSettings(AE, Set.of(), 16384, Duration.ofSeconds(5), Duration.ofSeconds(10), 16),
                new InstanceSpool(spoolDir), instance -> {
                    received.add(instance);
                    return Status.SUCCESS;
                });
        scp.start("127.0.0.1", 0, HUB.listener(ClientAuth.NEED, PACS.trustStore));
    }

    @AfterEach
    void stopScp() {
        scp.close();
    }

    @Test
    void answersDcmtkEchoscuOverTlsAndRefusesPlainTcpWithoutStopping() throws Exception {
        Peers.requireTools("echoscu");

        assertThat(dcmtk("echoscu", tls(PACS), List.of()).exitCode).as("echoscu +tls").isZero();
        Run plain = dcmtk("echoscu", List.of(), List.of());
        assertThat(plain.exitCode).as("plain echoscu against the TLS port: " + plain.output).isNotZero();
        assertThat(dcmtk("echoscu", tls(PACS), List.of()).exitCode).as("echoscu +tls again").isZero();
    }

    @Test
    void storesAnInstanceSentByDcmtkStorescuOverTls() throws Exception {
        Peers.requireTools("storescu");
        Path file = DicomSamples.named("mr-t1-16bit.dcm");

        Run store = dcmtk("storescu", tls(PACS), List.of(file.toString()));

        assertThat(store.exitCode).as("storescu +tls: " + store.output).isZero();
        assertThat(received).singleElement().satisfies(instance -> {
            assertThat(instance.sopInstanceUid()).isEqualTo(Part10Input.read(file).sopInstanceUid());
            assertThat(instance.callingAeTitle()).isEqualTo("PACS");
        });
    }

    @Test
    void refusesADcmtkClientWhoseCertificateIsNotTrusted() throws Exception {
        Peers.requireTools("echoscu");

        assertThat(dcmtk("echoscu", tls(STRANGER), List.of()).exitCode).isNotZero();
        assertThat(dcmtk("echoscu", tls(PACS), List.of()).exitCode).isZero();
    }

    @Test
    void echoesAndStoresWithTheHubsOwnClientOverTls() throws Exception {
        Part10Input instance = Part10Input.read(DicomSamples.named("mr-t1-16bit.dcm"));
        TlsSettings pacs = new TlsSettings(true, PACS.keyStore, SelfSignedCertificate.PASSWORD, "PKCS12", null, HUB.trustStore,
                SelfSignedCertificate.PASSWORD, "PKCS12", null, null);

        try (DicomClient client = DicomClient.open("127.0.0.1", scp.localPort(), "PACS", AE,
                List.of(ProposedContexts.verification(1)), Duration.ofSeconds(10), pacs)) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            client.release();
        }
        try (DicomClient client = DicomClient.open("127.0.0.1", scp.localPort(), "PACS", AE,
                ProposedContexts.forFiles(List.of(instance)), Duration.ofSeconds(10), pacs)) {
            assertThat(client.store(instance)).isEqualTo(Status.SUCCESS);
            client.release();
        }
        assertThat(received).extracting(ReceivedInstance::sopInstanceUid).containsExactly(instance.sopInstanceUid());
    }

    @Test
    void hubsOwnClientRefusesAServerItDoesNotTrust() {
        TlsSettings trustsOnlyTheStranger = new TlsSettings(true, PACS.keyStore, SelfSignedCertificate.PASSWORD, "PKCS12", null,
                STRANGER.trustStore, SelfSignedCertificate.PASSWORD, "PKCS12", null, null);

        assertThatIOException().isThrownBy(() -> DicomClient.open("127.0.0.1", scp.localPort(), "PACS", AE,
                List.of(ProposedContexts.verification(1)), Duration.ofSeconds(10), trustsOnlyTheStranger));
    }

    /** DCMTK's TLS options: our key and certificate as PEM, the hub's certificate as the one trusted. */
    private static List<String> tls(SelfSignedCertificate client) {
        return List.of("+tls", client.privateKeyPem.toString(), client.certificatePem.toString(), "-pw",
                "+cf", HUB.certificatePem.toString());
    }

    private Run dcmtk(String tool, List<String> tlsOptions, List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool, "-aet", "PACS", "-aec", AE, "-to", "10"));
        command.addAll(tlsOptions);
        command.add("127.0.0.1");
        command.add(String.valueOf(scp.localPort()));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(tool + " finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
