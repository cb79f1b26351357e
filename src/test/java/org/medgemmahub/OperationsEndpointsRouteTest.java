package org.medgemmahub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.MllpConnection;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What an operator's probes and Prometheus see: readiness with its parts, queue depths and per-route figures. */
@CamelSpringBootTest
@AutoConfigureObservability
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OperationsEndpointsRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void hubOnFreePorts(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medgemma.enabled", () -> "false");
    }

    @Test
    void readinessCoversTheBrokerTheDatabaseAndTheFhirSink() throws Exception {
        // a probe is repeated: the embedded server's first capability statement may take a while to build
        JsonNode readiness = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> new ObjectMapper().readTree(get("/actuator/health/readiness").body()),
                        health -> health.path("status").asText().equals("UP"));

        assertThat(readiness.path("components").fieldNames()).toIterable().contains("jms", "db", "fhirSink");
        assertThat(readiness.path("components").path("fhirSink").path("details").path("server").asText())
                .isEqualTo(HUB.fhirBase());
    }

    @Test
    void prometheusShowsQueueDepthAndRouteFigures() throws Exception {
        Listening.awaitPort(HUB.hl7Port);
        try (MllpConnection hl7 = new MllpConnection(HUB.hl7Port)) {
            assertThat(MllpConnection.ackCode(hl7.send(Hl7Messages.uniqueOru().er7))).isEqualTo("AA");
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus").body();
            assertThat(metrics).containsPattern("hub_queue_depth\\{queue=\"hub.inference.requests\"\\} [1-9]");
            assertThat(metrics).contains("hub_queue_depth{queue=\"hub.inference.requests.dlq\"}");
            assertThat(metrics).containsPattern("camel_exchanges_total\\{.*routeId=\"hl7-inbound\".*\\} [1-9]");
        });
    }

    @Test
    void answersAFhirTokenSearchWhoseBarIsNotEncoded() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), HUB.httpPort)) {
            socket.getOutputStream().write(("GET /fhir/Observation?subject:identifier=urn:oid:1.2.3|MRN1 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAccept: application/fhir+json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(statusLine).isEqualTo("HTTP/1.1 200");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HUB.httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
