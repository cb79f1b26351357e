package org.medgemmahub;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medgemmahub.fhir.FhirResourceValidator;
import org.medgemmahub.hl7.Hl7Fixtures;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HapiHl7Client;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.MllpTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The HL7 flow end to end on the embedded defaults: MLLP in, simulator over HTTP, Observation on the embedded /fhir. */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class Hl7ToObservationRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final HapiHl7Client HL7 = new HapiHl7Client(HUB.hl7Port);

    @DynamicPropertySource
    static void hubOnFreePorts(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired FhirResourceValidator validator;
    @Autowired JmsTemplate jms;
    @Autowired EmbeddedActiveMQ broker;

    private final FhirTestClient fhir = new FhirTestClient(HUB.fhirBase());

    @BeforeEach
    void mllpListening() {
        Listening.awaitPort(HUB.hl7Port);
    }

    @AfterAll
    static void closeClient() throws Exception {
        HL7.close();
    }

    @Test
    void acknowledgesAaAndWritesAValidAiObservationForThePatient() throws Exception {
        Hl7Messages oru = Hl7Messages.uniqueOru();

        Message ack = HL7.send(oru.er7);

        assertThat(HapiHl7Client.ackCode(ack)).isEqualTo("AA");
        assertThat(new Terser(ack).get("/MSA-2")).isEqualTo(oru.controlId);
        Observation observation = awaitOneObservation(oru);
        assertThat(validator.problems(observation)).isEmpty();
        assertThat(observation.getMeta().getSecurity()).extracting(c -> c.getCode()).containsExactly("AIAST");
        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.PRELIMINARY);
        assertThat(observation.getNoteFirstRep().getText()).startsWith("SIMULATED").contains("reviewed by a clinician");
        assertThat(observation.getDerivedFromFirstRep().getIdentifier().getValue()).endsWith("|" + oru.controlId);
        assertThat(observation.getComponent()).isNotEmpty();
        assertThat(fhir.provenanceOf(observation)).singleElement()
                .satisfies(p -> assertThat(p.getPolicy().get(0).getValue()).endsWith("/prompt/report-findings/1.0.0"));
    }

    @Test
    void processesARepeatedControlIdFromTheSameSenderOnce() throws Exception {
        Hl7Messages oru = Hl7Messages.uniqueOru();
        long queuedBefore = requestsQueue().getMessagesAdded();

        assertThat(HapiHl7Client.ackCode(HL7.send(oru.er7))).isEqualTo("AA");
        assertThat(HapiHl7Client.ackCode(HL7.send(oru.er7))).isEqualTo("AA");

        assertThat(requestsQueue().getMessagesAdded() - queuedBefore).isEqualTo(1);
        awaitOneObservation(oru);
    }

    @Nested
    class BadInput {
        @Test
        void answersArToAMessageWithoutMshAndKeepsServing() throws Exception {
            String ack = MllpTestClient.send(HUB.hl7Port, Hl7Fixtures.load("no-msh.hl7"));

            assertThat(segment(ack, "MSA").split("\\|")[1]).isEqualTo("AR");
            assertThat(ack).contains("\rERR|");
            Hl7Messages next = Hl7Messages.uniqueOru();
            assertThat(HapiHl7Client.ackCode(HL7.send(next.er7))).isEqualTo("AA");
            awaitOneObservation(next);
        }

        @Test
        void answersArToBinaryGarbage() throws Exception {
            byte[] garbage = new byte[512];
            new java.util.Random(42).nextBytes(garbage);
            for (int i = 0; i < garbage.length; i++) if (garbage[i] == 0x0b || garbage[i] == 0x1c) garbage[i] = 0x20;

            String ack = MllpTestClient.send(HUB.hl7Port, garbage);

            assertThat(segment(ack, "MSA").split("\\|")[1]).isEqualTo("AR");
        }

        @Test
        void answersAeWithAnErrSegmentToAnUnsupportedMessageTypeAndKeepsItWithTheReason() throws Exception {
            String adt = Hl7Fixtures.adtA01();
            String controlId = adt.split("\r")[0].split("\\|")[9];

            Message ack = HL7.send(adt);

            assertThat(HapiHl7Client.ackCode(ack)).isEqualTo("AE");
            assertThat(new Terser(ack).get("/ERR-3-1")).isEqualTo("200");
            List<String> reasons = rejectedReasonsFor(controlId);
            assertThat(reasons).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("HL7-UNSUPPORTED-TYPE"));
        }

        @Test
        void answersAeToAResultWithoutReportText() throws Exception {
            Message ack = HL7.send(Hl7Fixtures.oruWithoutText());

            assertThat(HapiHl7Client.ackCode(ack)).isEqualTo("AE");
            assertThat(new Terser(ack).get("/ERR-3-1")).isEqualTo("101");
        }
    }

    private Observation awaitOneObservation(Hl7Messages oru) {
        List<Observation> found = new ArrayList<>();
        await().atMost(60, SECONDS).ignoreExceptions().pollInterval(200, java.util.concurrent.TimeUnit.MILLISECONDS).untilAsserted(() -> {
            found.clear();
            found.addAll(fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, oru.mrn));
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    private Queue requestsQueue() {
        return broker.getActiveMQServer().locateQueue(SimpleString.of("hub.inference.requests"));
    }

    private List<String> rejectedReasonsFor(String controlId) {
        List<String> reasons = new ArrayList<>();
        jms.browse("hub.hl7.rejected", (session, browser) -> {
            for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
                TextMessage message = (TextMessage) e.nextElement();
                if (message.getText().contains("|" + controlId + "|")) reasons.add(message.getStringProperty("HubFailureReason"));
            }
            return null;
        });
        return Collections.unmodifiableList(reasons);
    }

    private static String segment(String er7, String name) {
        for (String segment : er7.split("\r")) if (segment.startsWith(name + "|")) return segment;
        throw new AssertionError("no " + name + " segment in " + er7);
    }
}
