package org.medgemmahub.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.ExternalBroker;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.MllpConnection;
import org.medgemmahub.support.SharedDatabase;
import org.medgemmahub.support.SimulatorControlClient;

/**
 * Two hubs in JVMs of their own share an external Artemis broker and an H2 database in server mode, and write to one
 * FHIR server (the first hub's embedded /fhir) with one model server (the first hub's simulator). HL7 results go to
 * both hubs, the same MSH-10 to both at once, and every message is re-sent once the broker's duplicate-id cache
 * (deliberately small here, as a full one is after a day of traffic) has forgotten it; then a dead letter of a result
 * that was already written is replayed. Every message must have exactly one Observation, the model must have been
 * called once per message, and each result written once.
 */
class TwoHubsSharedStateIT {
    private static final int MESSAGES = Integer.getInteger("scaleout.messages", 24);
    private static final int SENT_TO_BOTH = MESSAGES / 3;
    private static final int BROKER_ID_CACHE = 8;
    private static final String ADMIN_KEY = "two-hubs-admin-key";
    private static final String RESULTS_DLQ = ExternalBroker.RESULTS + ".dlq";

    @Test
    void twoHubsCallTheModelAndWriteEachResultOnceWhateverIsResentOrReplayed() throws Exception {
        try (ExternalBroker broker = new ExternalBroker(BROKER_ID_CACHE); SharedDatabase database = new SharedDatabase()) {
            HubTestSettings first = new HubTestSettings();
            HubTestSettings second = new HubTestSettings();
            try (HubJvm hubA = HubJvm.fromClasspath(first, shared(broker, database, Map.of()));
                 HubJvm hubB = HubJvm.fromClasspath(second, shared(broker, database, Map.of(
                         "hub.simulator.enabled", "false",
                         "medgemma.base-url", first.simulatorBase(),
                         "hub.fhir.server-url", first.fhirBase(),
                         "hub.fhir.embedded.enabled", "false")))) {
                SimulatorControlClient model = new SimulatorControlClient(first.simulatorBase());
                FhirTestClient fhir = new FhirTestClient(first.fhirBase());
                List<Hl7Messages> messages = new ArrayList<>();
                for (int i = 0; i < MESSAGES; i++) messages.add(Hl7Messages.uniqueOru());

                // the first third to both hubs at once, the rest alternately to one of them
                sendConcurrently(first.hl7Port, second.hl7Port, messages.subList(0, SENT_TO_BOTH), messages.subList(0, SENT_TO_BOTH));
                List<Hl7Messages> toA = new ArrayList<>();
                List<Hl7Messages> toB = new ArrayList<>();
                for (int i = SENT_TO_BOTH; i < MESSAGES; i++) (i % 2 == 0 ? toA : toB).add(messages.get(i));
                sendConcurrently(first.hl7Port, second.hl7Port, toA, toB);
                awaitOneObservationEach(fhir, messages);
                awaitPipelineIdle(broker);

                // every message again, to the other hub, long after the broker's duplicate-id cache forgot most of them
                sendConcurrently(first.hl7Port, second.hl7Port, toB, toA);
                sendConcurrently(first.hl7Port, second.hl7Port, messages.subList(0, SENT_TO_BOTH), List.of());
                long resentPastTheBroker = broker.queue(ExternalBroker.REQUESTS).getMessagesAdded() - MESSAGES;
                awaitPipelineIdle(broker);

                // a dead letter of a result that was already written, replayed by an operator on the second hub
                String replayedRequest = deadLetterACopyOfAWrittenResult(broker);
                assertThat(queueDepth(second.httpPort, RESULTS_DLQ)).as("hub_queue_depth read from the external broker").isEqualTo(1.0);
                assertThat(queueDepth(first.httpPort, ExternalBroker.REQUESTS)).isEqualTo(0.0);
                assertThat(replayAllResultDeadLetters(second.httpPort)).isEqualTo(1);
                await().atMost(Duration.ofMinutes(1)).until(() -> broker.drained(RESULTS_DLQ)
                        && broker.queue(ExternalBroker.RESULTS).getMessagesAcknowledged() == broker.queue(ExternalBroker.RESULTS).getMessagesAdded());
                awaitPipelineIdle(broker);

                long modelCalls = model.received();
                long writes = countLines(hubA, hubB, " written to FHIR");
                int[] perMessage = observationsPerMessage(fhir, messages);
                long duplicated = Arrays.stream(perMessage).filter(n -> n > 1).count();
                long lost = Arrays.stream(perMessage).filter(n -> n == 0).count();
                System.out.printf("two hubs: %d messages (%d to both at once), each re-sent once; %d re-sends past the broker's "
                                + "duplicate cache of %d; 1 written result replayed; model calls: %d, FHIR writes: %d, "
                                + "Observations: %d, lost: %d, duplicated: %d%n", MESSAGES, SENT_TO_BOTH, resentPastTheBroker,
                        BROKER_ID_CACHE, modelCalls, writes, Arrays.stream(perMessage).sum(), lost, duplicated);

                assertThat(resentPastTheBroker).as("re-sends the broker's duplicate detection let through").isPositive();
                assertThat(lost).as("messages without an Observation").isZero();
                assertThat(duplicated).as("messages with more than one Observation").isZero();
                assertThat(modelCalls).as("model calls, one per message").isEqualTo(MESSAGES);
                assertThat(writes).as("results written to FHIR, one per message").isEqualTo(MESSAGES);
                assertThat(countLines(hubA, hubB, "fhir-write of " + replayedRequest + " already done")).isEqualTo(1);
                assertThat(completedClaims(database)).containsEntry("inference", (long) MESSAGES).containsEntry("fhir-write", (long) MESSAGES);
                assertThat(first.dataDir.resolve("broker")).doesNotExist();
                assertThat(second.dataDir.resolve("broker")).doesNotExist();
                for (HubJvm hub : List.of(hubA, hubB)) {
                    String log = Files.readString(hub.log());
                    assertThat(log).contains("idempotency claims on the hub database")
                            .contains("external broker misconfigured: the duplicate-id cache holds " + BROKER_ID_CACHE + " ids")
                            .as("no embedded broker started (AMQ221007: Server is now active)").doesNotContain("AMQ221007");
                    assertThat(log.lines().filter(line -> line.contains("external broker misconfigured")))
                            .as("the broker's only shortcoming is its deliberately small duplicate-id cache").hasSize(1);
                }
            }
        }
    }

    private static Map<String, String> shared(ExternalBroker broker, SharedDatabase database, Map<String, String> more) {
        Map<String, String> properties = new LinkedHashMap<>(Map.of(
                "spring.artemis.mode", "native",
                "spring.artemis.broker-url", broker.url(),
                "spring.datasource.url", database.url(),
                "hub.api.admin-key", ADMIN_KEY,
                "hub.api.key", "two-hubs-api-key",
                "hub.idempotency.recheck", "1s"));
        properties.putAll(more);
        return properties;
    }

    /** Sends one list to the first hub and the other to the second, from two connections at once; each must get AA. */
    private static void sendConcurrently(int portA, int portB, List<Hl7Messages> toA, List<Hl7Messages> toB) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> sending = List.of(senders.submit(() -> send(portA, toA)), senders.submit(() -> send(portB, toB)));
            for (Future<?> f : sending) f.get();
        } finally {
            senders.shutdown();
        }
    }

    private static Void send(int port, List<Hl7Messages> messages) throws Exception {
        try (MllpConnection connection = new MllpConnection(port)) {
            for (Hl7Messages message : messages) {
                assertThat(MllpConnection.ackCode(connection.send(message.er7))).as("ACK of " + message.controlId).isEqualTo("AA");
            }
        }
        return null;
    }

    private static void awaitOneObservationEach(FhirTestClient fhir, List<Hl7Messages> messages) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Arrays.stream(observationsPerMessage(fhir, messages)).allMatch(n -> n > 0));
    }

    private static int[] observationsPerMessage(FhirTestClient fhir, List<Hl7Messages> messages) {
        return messages.stream().mapToInt(m -> fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, m.mrn).size()).toArray();
    }

    /** Everything sent so far consumed: nothing waiting, scheduled or in delivery on the requests and results queues. */
    private static void awaitPipelineIdle(ExternalBroker broker) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> broker.drained(ExternalBroker.REQUESTS) && broker.drained(ExternalBroker.RESULTS));
    }

    /** Takes one copy of a written result off the broker's copy queue and puts it on the results dead-letter queue. */
    private static String deadLetterACopyOfAWrittenResult(ExternalBroker broker) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(broker.url()).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer copies = session.createConsumer(session.createQueue(ExternalBroker.RESULT_COPIES));
            TextMessage written = (TextMessage) copies.receive(5_000);
            assertThat(written).as("a copy of a result").isNotNull();
            TextMessage letter = session.createTextMessage(written.getText());
            for (Enumeration<?> names = written.getPropertyNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                if (!name.startsWith("_AMQ") && !name.startsWith("JMSX")) letter.setObjectProperty(name, written.getObjectProperty(name));
            }
            letter.setStringProperty("HubFailureReason", "FHIR-TEST: dead-lettered by the test after it was written");
            letter.setLongProperty("HubFailedAt", System.currentTimeMillis());
            session.createProducer(session.createQueue(RESULTS_DLQ)).send(letter);
            return written.getStringProperty("HubRequestId");
        }
    }

    private static int replayAllResultDeadLetters(int httpPort) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/api/admin/dead-letters/" + RESULTS_DLQ + "/replay"))
                .header("X-API-Key", ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("replayed").asInt(-1);
    }

    /** The hub's {@code hub_queue_depth} gauge for a queue, from /actuator/prometheus. */
    private static double queueDepth(int httpPort, String queue) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("hub_queue_depth{") && line.contains("queue=\"" + queue + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private static long countLines(HubJvm a, HubJvm b, String fragment) throws Exception {
        long n = 0;
        for (HubJvm hub : List.of(a, b)) {
            n += Files.readAllLines(hub.log()).stream().filter(line -> line.contains(fragment)).count();
        }
        return n;
    }

    private static Map<String, Long> completedClaims(SharedDatabase database) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (var connection = database.connect(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT stage, COUNT(*) FROM hub_message_claims WHERE completed_at IS NOT NULL GROUP BY stage")) {
            while (rows.next()) counts.put(rows.getString(1), rows.getLong(2));
        }
        return counts;
    }
}
