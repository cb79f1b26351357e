package org.medgemmahub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.MllpConnection;

/**
 * HTTPS as the README sets it up: the hub in a JVM of its own with {@code server.ssl.*}, its embedded FHIR server reached
 * at an https {@code FHIR_SERVER_URL}, the JVM trusting the certificate through {@code javax.net.ssl.trustStore}. An ORU
 * sent over MLLP ends as an Observation read back over HTTPS, readiness (which checks the FHIR sink) is UP, and the
 * key store password appears nowhere in the hub's log.
 */
class HttpsEndToEndIT {
    static final Pattern OBSERVATION = Pattern.compile("\"resourceType\"\\s*:\\s*\"Observation\"");

    @Test
    void writesTheObservationToTheEmbeddedFhirServerOverHttps() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create("https-hub");
        HubTestSettings settings = new HubTestSettings();
        String base = "https://127.0.0.1:" + settings.httpPort;
        HttpClient https = HttpClient.newBuilder().sslContext(certificate.clientContext()).connectTimeout(Duration.ofSeconds(5)).build();
        Path log = settings.dataDir.resolve("hub.log");
        Process hub = start(settings, certificate, base, log);
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> get(https, base + "/actuator/health/liveness").statusCode() == 200);
            Listening.awaitPort(settings.hl7Port);
            Hl7Messages oru = Hl7Messages.uniqueOru();

            try (MllpConnection ehr = new MllpConnection(settings.hl7Port)) {
                assertThat(MllpConnection.ackCode(ehr.send(oru.er7))).isEqualTo("AA");
            }

            String search = base + "/fhir/Observation?subject:identifier="
                    + URLEncoder.encode(Hl7Messages.PATIENT_SYSTEM + "|" + oru.mrn, StandardCharsets.UTF_8);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> OBSERVATION.matcher(get(https, search + "&_format=json").body()).find());
            HttpResponse<String> readiness = get(https, base + "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        } finally {
            hub.destroy();
            if (!hub.waitFor(60, TimeUnit.SECONDS)) hub.destroyForcibly();
        }
        assertThat(Files.readString(log)).doesNotContain(SelfSignedCertificate.PASSWORD);
    }

    private static Process start(HubTestSettings settings, SelfSignedCertificate certificate, String base, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Djavax.net.ssl.trustStore=" + certificate.trustStore, "-Djavax.net.ssl.trustStorePassword=" + SelfSignedCertificate.PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12", "-cp", System.getProperty("java.class.path"), "org.medgemmahub.HubApplication"));
        settings.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--server.ssl.enabled=true");
        command.add("--server.ssl.key-store=" + certificate.keyStore);
        command.add("--server.ssl.key-store-type=PKCS12");
        command.add("--hub.fhir.server-url=" + base + "/fhir");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the password as operators give it: from the environment
        builder.environment().put("SERVER_SSL_KEY_STORE_PASSWORD", SelfSignedCertificate.PASSWORD);
        return builder.start();
    }

    private static HttpResponse<String> get(HttpClient https, String url) throws Exception {
        return https.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
