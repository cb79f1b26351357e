package org.medgemmahub.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.net.InstanceSpool;
import org.medgemmahub.dicom.net.ScpSettings;
import org.medgemmahub.dicom.net.Status;
import org.medgemmahub.dicom.net.StorageScp;
import org.medgemmahub.security.ClientAuth;
import org.medgemmahub.security.SelfSignedCertificate;

/** dicom-echo and dicom-send against a Storage SCP over TLS, trusting its self-signed certificate; passwords from the environment. */
class DicomCommandsTlsTest {
    static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create("scp");
    static final Map<String, String> ENVIRONMENT = Map.of(ScuArguments.TRUST_STORE_PASSWORD, SelfSignedCertificate.PASSWORD);

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    @TempDir Path spoolDir;
    StorageScp scp;

    @BeforeEach
    void startTlsScp() throws Exception {
        scp = new StorageScp(new ScpSettings("MEDGEMMA", Set.of(), 16384, Duration.ofSeconds(5), Duration.ofSeconds(10), 16),
                new InstanceSpool(spoolDir), instance -> Status.SUCCESS);
        scp.start("127.0.0.1", 0, CERTIFICATE.listener(ClientAuth.NONE, null));
    }

    @AfterEach
    void stopScp() {
        scp.close();
    }

    @Test
    void dicomEchoSucceedsOverTlsWithTheTrustStoreGiven() {
        int exit = new DicomEchoCommand(out, ENVIRONMENT).run("-trust-store", CERTIFICATE.trustStore.toString(), "127.0.0.1", port());

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString()).contains("status 0x0000");
    }

    @Test
    void dicomSendStoresOverTls() throws Exception {
        int exit = new DicomSendCommand(out, ENVIRONMENT).run("-aet", "MYPACS", "-trust-store", CERTIFICATE.trustStore.toString(),
                "127.0.0.1", port(), DicomSamples.named("mr-t1-16bit.dcm").toString());

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString()).contains("1 stored, 0 failed");
    }

    @Test
    void dicomEchoFailsWithoutTlsAgainstTheTlsPort() {
        assertThat(new DicomEchoCommand(out, ENVIRONMENT).run("127.0.0.1", port())).isEqualTo(1);
        assertThat(output.toString()).contains("failed");
    }

    @Test
    void dicomEchoFailsWithTlsWhenTheCertificateIsNotTrusted() {
        SelfSignedCertificate other = SelfSignedCertificate.create("other");

        assertThat(new DicomEchoCommand(out, ENVIRONMENT).run("-trust-store", other.trustStore.toString(), "127.0.0.1", port())).isEqualTo(1);
    }

    @Test
    void exitsTwoNamingAMissingTrustStore() {
        assertThat(new DicomEchoCommand(out, ENVIRONMENT).run("-trust-store", "/no/such/trust.p12", "127.0.0.1", port())).isEqualTo(2);
        assertThat(output.toString()).contains("trust-store /no/such/trust.p12");
    }

    private String port() {
        return String.valueOf(scp.localPort());
    }
}
