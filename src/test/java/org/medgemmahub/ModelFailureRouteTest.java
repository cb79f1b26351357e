package org.medgemmahub;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medgemmahub.api.DeadLettersCommand;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.PipelineJson;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HapiHl7Client;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.SimulatorControlClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** How model failures end: transient ones are retried by scheduled redelivery, permanent ones dead-lettered at once. */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ModelFailureRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final HapiHl7Client HL7 = new HapiHl7Client(HUB.hl7Port);

    @DynamicPropertySource
    static void hubOnFreePorts(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("hub.api.key", () -> API_KEY);
        registry.add("hub.api.admin-key", () -> ADMIN_KEY);
    }

    static final String API_KEY = "route-test-key";
    static final String ADMIN_KEY = "route-test-admin-key";
    static final String REQUESTS_DLQ = "hub.inference.requests.dlq";
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired JmsTemplate jms;
    private final SimulatorControlClient simulator = new SimulatorControlClient(HUB.simulatorBase());
    private final FhirTestClient fhir = new FhirTestClient(HUB.fhirBase());

    @AfterEach
    void resetSimulator() throws Exception {
        simulator.change("{\"failNext\": null, \"chatRoute404\": false}");
    }

    @BeforeEach
    void mllpListening() {
        Listening.awaitPort(HUB.hl7Port);
    }

    @AfterAll
    static void closeClient() throws Exception {
        HL7.close();
    }

    @Test
    void retriesAServerErrorAndWritesTheObservationOnce() throws Exception {
        simulator.change("{\"failNext\": {\"status\": 500, \"count\": 1}}");
        Hl7Messages oru = Hl7Messages.uniqueOru();

        assertThat(HapiHl7Client.ackCode(HL7.send(oru.er7))).isEqualTo("AA");

        await().atMost(60, SECONDS).ignoreExceptions().pollInterval(200, MILLISECONDS)
                .untilAsserted(() -> assertThat(fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, oru.mrn)).hasSize(1));
        assertThat(simulator.failures(500)).isEqualTo(1);
    }

    @Test
    void deadLettersAMissingChatRouteAtOnceWithThePreciseReason() throws Exception {
        simulator.change("{\"chatRoute404\": true}");
        Hl7Messages oru = Hl7Messages.uniqueOru();

        assertThat(HapiHl7Client.ackCode(HL7.send(oru.er7))).isEqualTo("AA");

        List<Message> dead = new ArrayList<>();
        await().atMost(30, SECONDS).pollInterval(200, MILLISECONDS).untilAsserted(() -> {
            dead.clear();
            dead.addAll(deadLettersFor(oru));
            assertThat(dead).hasSize(1);
        });
        assertThat(dead.get(0).getStringProperty("HubFailureReason")).startsWith("MODEL-404: HTTP 404 from /v1/chat/completions")
                .contains("check MEDGEMMA_API");
        assertThat(dead.get(0).getObjectProperty("HubAttempt")).isNull();
        assertThat(fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, oru.mrn)).isEmpty();
    }

    @Test
    void deadLettersARepeatedGenerationErrorAfterTheThirdAttemptWithTheReason() throws Exception {
        simulator.change("{\"failNext\": {\"status\": 424, \"count\": 5}}");
        Hl7Messages oru = Hl7Messages.uniqueOru();

        assertThat(HapiHl7Client.ackCode(HL7.send(oru.er7))).isEqualTo("AA");

        List<Message> dead = new ArrayList<>();
        await().atMost(60, SECONDS).pollInterval(250, MILLISECONDS).untilAsserted(() -> {
            dead.clear();
            dead.addAll(deadLettersFor(oru));
            assertThat(dead).hasSize(1);
        });
        assertThat(dead.get(0).getStringProperty("HubFailureReason")).startsWith("MODEL-424: HTTP 424 from /v1/chat/completions")
                .endsWith("(generation error, retried 2 times)");
        assertThat(dead.get(0).getObjectProperty("HubAttempt")).hasToString("3");
        assertThat(simulator.failures(424)).isEqualTo(3);
    }

    @Test
    void servesTheRestApiOnlyWithTheApiKey() throws Exception {
        String base = "http://127.0.0.1:" + HUB.httpPort + "/api/medgemma";

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                .header("X-API-Key", API_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(URI.create(base + "/text"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"What is atelectasis?\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"success\":false").doesNotContain("Exception");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"available\":true").contains("\"backend\":\"openai\"");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("\"success\":true").contains("\"template\":\"free-question\"");
    }

    @Test
    void replaysADeadLetterAfterTheFixAndWritesTheObservationOnce() throws Exception {
        simulator.change("{\"chatRoute404\": true}");
        Hl7Messages oru = Hl7Messages.uniqueOru();
        assertThat(HapiHl7Client.ackCode(HL7.send(oru.er7))).isEqualTo("AA");
        await().atMost(30, SECONDS).pollInterval(200, MILLISECONDS).until(() -> deadLettersFor(oru).size() == 1);
        String messageId = deadLettersFor(oru).get(0).getJMSMessageID();

        HttpResponse<String> withApiKey = admin("GET", REQUESTS_DLQ, API_KEY, null);
        HttpResponse<String> listed = admin("GET", REQUESTS_DLQ, ADMIN_KEY, null);
        simulator.change("{\"chatRoute404\": false}");
        HttpResponse<String> replayed = admin("POST", REQUESTS_DLQ + "/" + messageId + "/replay", ADMIN_KEY, "");

        assertThat(withApiKey.statusCode()).isEqualTo(403);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(messageId).contains("MODEL-404").doesNotContain("Right lower lobe");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        await().atMost(60, SECONDS).ignoreExceptions().pollInterval(200, MILLISECONDS)
                .untilAsserted(() -> assertThat(fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, oru.mrn)).hasSize(1));
        assertThat(deadLettersFor(oru)).isEmpty();
        assertThat(admin("POST", REQUESTS_DLQ + "/" + messageId + "/replay", ADMIN_KEY, "").statusCode()).isEqualTo(404);
    }

    @Test
    void discardsADeadLetterOnlyWithAReasonAndKeepsItAside() throws Exception {
        simulator.change("{\"chatRoute404\": true}");
        Hl7Messages oru = Hl7Messages.uniqueOru();
        assertThat(HapiHl7Client.ackCode(HL7.send(oru.er7))).isEqualTo("AA");
        await().atMost(30, SECONDS).pollInterval(200, MILLISECONDS).until(() -> deadLettersFor(oru).size() == 1);
        String messageId = deadLettersFor(oru).get(0).getJMSMessageID();

        HttpResponse<String> withoutReason = admin("POST", REQUESTS_DLQ + "/" + messageId + "/discard", ADMIN_KEY, "{}");
        HttpResponse<String> discarded = admin("POST", REQUESTS_DLQ + "/" + messageId + "/discard", ADMIN_KEY,
                "{\"reason\": \"test order, cancelled by the ward\"}");

        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(withoutReason.body()).contains("DEAD-LETTER-REQUEST");
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(deadLettersFor(oru)).isEmpty();
        List<String> reasons = new ArrayList<>();
        jms.browse(REQUESTS_DLQ + ".discarded", (session, browser) -> {
            for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
                Message message = (Message) e.nextElement();
                if (oru.controlId.equals(PipelineJson.read(((jakarta.jms.TextMessage) message).getText(),
                        InferenceRequest.class).sourceId())) reasons.add(message.getStringProperty("HubDiscardReason"));
            }
            return null;
        });
        assertThat(reasons).containsExactly("test order, cancelled by the ward");
    }

    @Test
    void listsAndDiscardsDeadLettersFromTheCommandLine() throws Exception {
        simulator.change("{\"chatRoute404\": true}");
        Hl7Messages oru = Hl7Messages.uniqueOru();
        assertThat(HapiHl7Client.ackCode(HL7.send(oru.er7))).isEqualTo("AA");
        await().atMost(30, SECONDS).pollInterval(200, MILLISECONDS).until(() -> deadLettersFor(oru).size() == 1);
        String messageId = deadLettersFor(oru).get(0).getJMSMessageID();
        String url = "http://127.0.0.1:" + HUB.httpPort;
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        ByteArrayOutputStream discarded = new ByteArrayOutputStream();
        ByteArrayOutputStream refused = new ByteArrayOutputStream();

        int listExit = new DeadLettersCommand(name -> ADMIN_KEY, new PrintStream(listed, true, StandardCharsets.UTF_8))
                .run("-url", url, "list", REQUESTS_DLQ);
        int wrongKeyExit = new DeadLettersCommand(name -> API_KEY, new PrintStream(refused, true, StandardCharsets.UTF_8))
                .run("-url", url, "list", REQUESTS_DLQ);
        int discardExit = new DeadLettersCommand(name -> ADMIN_KEY, new PrintStream(discarded, true, StandardCharsets.UTF_8))
                .run("-url", url, "discard", REQUESTS_DLQ, messageId, "duplicate order");

        assertThat(listExit).isZero();
        assertThat(listed.toString(StandardCharsets.UTF_8)).contains(messageId).contains("MODEL-404");
        assertThat(wrongKeyExit).as("the API key is not the admin key").isEqualTo(1);
        assertThat(discardExit).as(discarded.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(deadLettersFor(oru)).isEmpty();
    }

    private HttpResponse<String> admin(String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + HUB.httpPort + "/api/admin/dead-letters/" + path)).header("X-API-Key", key);
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Message> deadLettersFor(Hl7Messages oru) {
        List<Message> found = new ArrayList<>();
        jms.browse("hub.inference.requests.dlq", (session, browser) -> {
            for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
                jakarta.jms.TextMessage message = (jakarta.jms.TextMessage) e.nextElement();
                InferenceRequest request = PipelineJson.read(message.getText(), InferenceRequest.class);
                if (request.sourceId().startsWith(oru.controlId)) found.add(message);
            }
            return null;
        });
        return found;
    }
}
