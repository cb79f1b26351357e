package org.medgemmahub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.PendingInstances;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.fhir.intake.IntakeFixtures;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.MllpConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the model route off and a queue limit of 3, the hub refuses new input once the queue is full, each protocol in
 * its own temporary-failure way: HL7 AE "resend later", FHIR 503 with Retry-After, DICOM 0xA700. Nothing refused is kept,
 * and nothing accepted before is refused: an instance left pending in the spool is still queued.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class BackPressureRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();

    @DynamicPropertySource
    static void hubWithASmallQueueLimit(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medgemma.enabled", () -> "false");
        registry.add("hub.intake.max-queue-depth", () -> "3");
    }

    @Autowired EmbeddedActiveMQ broker;
    @Autowired CamelContext camel;

    @Test
    void refusesHl7FhirAndDicomInputOnceTheQueueIsFullAndKeepsNothingOfIt() throws Exception {
        Listening.awaitPort(HUB.hl7Port);
        List<String> answers = new ArrayList<>();
        try (MllpConnection hl7 = new MllpConnection(HUB.hl7Port)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
                answers.add(hl7.send(Hl7Messages.uniqueOru().er7));
                return MllpConnection.ackCode(answers.get(answers.size() - 1)).equals("AE");
            });
        }

        String refusal = answers.get(answers.size() - 1);
        assertThat(answers.subList(0, answers.size() - 1)).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(ack -> assertThat(MllpConnection.ackCode(ack)).isEqualTo("AA"));
        assertThat(refusal).contains("ERR|||207^").contains("HUB-BUSY").contains("resend later");
        assertThat(queueDepth("hub.inference.requests")).isEqualTo(answers.size() - 1);
        assertThat(queueDepth("hub.hl7.rejected")).isZero();

        long queued = queueDepth("hub.inference.requests");
        HttpResponse<String> fhir = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(HUB.fhirBase() + "/DiagnosticReport"))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(FhirContext.forR4Cached().newJsonParser()
                        .encodeResourceToString(IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn())))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fhir.statusCode()).isEqualTo(503);
        assertThat(fhir.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(fhir.body()).contains("OperationOutcome").contains("HUB-BUSY");

        Part10Input instance = Part10Input.read(DicomSamples.named("mr-t1-16bit.dcm"));
        int status;
        try (DicomClient pacs = DicomClient.open("127.0.0.1", HUB.dicomPort, "PACS", "MEDGEMMA",
                ProposedContexts.forFiles(List.of(instance)), Duration.ofSeconds(30))) {
            status = pacs.store(instance);
            pacs.release();
        }
        assertThat(status).as("C-STORE-RSP status").isEqualTo(0xA700);
        assertThat(queueDepth("hub.dicom.instances")).isZero();
        assertThat(queueDepth("hub.inference.requests")).isEqualTo(queued);

        // an instance answered success before a stop is the hub's already: the restarted listener queues it anyway
        Path answeredBeforeStop = PendingInstances.leave(HUB.dataDir, "sc-gray-8bit-no-window.dcm", "BEFORE_STOP");
        camel.getRouteController().stopRoute("dicom-inbound");
        camel.getRouteController().startRoute("dicom-inbound");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(answeredBeforeStop).doesNotExist());
    }

    private long queueDepth(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessageCount();
    }
}
