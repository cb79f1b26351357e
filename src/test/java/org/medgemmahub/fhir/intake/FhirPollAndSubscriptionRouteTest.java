package org.medgemmahub.fhir.intake;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medgemmahub.HubApplication;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubTestSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Polling and the Subscription rest-hook, with the hub's own embedded /fhir as the source server: reports are stored there
 * with PUT (which the intake does not take over), found by the poll or named by a notification, and their Observations
 * written back next to them.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FhirPollAndSubscriptionRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final FhirContext FHIR = FhirContext.forR4Cached();

    @DynamicPropertySource
    static void hubPollingItsOwnFhirServer(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("hub.fhir.poll.enabled", () -> "true");
        registry.add("hub.fhir.poll.base-url", HUB::fhirBase);
        registry.add("hub.fhir.poll.interval", () -> "300ms");
        registry.add("hub.fhir.poll.page-size", () -> "2");
    }

    @Autowired CamelContext camel;
    @Autowired EmbeddedActiveMQ broker;
    @Autowired FhirPollProperties pollProperties;

    private final FhirTestClient fhir = new FhirTestClient(HUB.fhirBase());
    private final IGenericClient source = FHIR.newRestfulGenericClient(HUB.fhirBase());
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void pollRunning() throws Exception {
        camel.getRouteController().startRoute("fhir-poll");
    }

    @Test
    void processesEachReportOnceAcrossAStopAndRestartOfThePoll() throws Exception {
        long before = requestsAdded();
        List<String> first = List.of(store(), store(), store());
        first.forEach(this::awaitOneObservation);
        camel.getRouteController().stopRoute("fhir-poll");
        String watermarkAtStop = Files.readString(pollProperties.watermarkFile());

        List<String> second = List.of(store(), store());
        camel.getRouteController().startRoute("fhir-poll");

        second.forEach(this::awaitOneObservation);
        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(Files.readString(pollProperties.watermarkFile())).isNotEqualTo(watermarkAtStop));
        await().during(1500, MILLISECONDS).atMost(5, SECONDS).untilAsserted(() -> {
            for (String mrn : first) assertThat(fhir.observationsFor(IntakeFixtures.MRN_SYSTEM, mrn)).hasSize(1);
            for (String mrn : second) assertThat(fhir.observationsFor(IntakeFixtures.MRN_SYSTEM, mrn)).hasSize(1);
        });
        assertThat(requestsAdded() - before).isEqualTo(5);
    }

    @Test
    void readsTheReportAnIdOnlyNotificationNamesAndWritesOneObservation() throws Exception {
        camel.getRouteController().stopRoute("fhir-poll");
        String mrn = IntakeFixtures.uniqueMrn();
        String id = storeReport(mrn);

        HttpResponse<String> response = notify("", "{\"resourceType\":\"DiagnosticReport\",\"id\":\"" + id + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).startsWith("FHIR-NOTIFY-QUEUED: 1");
        awaitOneObservation(mrn);
    }

    @Test
    void takesTheReportIdFromTheUrlWhenTheSourcePutsAPayload() throws Exception {
        camel.getRouteController().stopRoute("fhir-poll");
        String mrn = IntakeFixtures.uniqueMrn();
        String id = storeReport(mrn);
        String payload = FHIR.newJsonParser().encodeResourceToString(source.read().resource(DiagnosticReport.class).withId(id).execute());

        HttpRequest put = HttpRequest.newBuilder(URI.create(hook() + "/DiagnosticReport/" + id))
                .header("Content-Type", "application/fhir+json").PUT(HttpRequest.BodyPublishers.ofString(payload)).build();

        assertThat(http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        awaitOneObservation(mrn);
    }

    @Test
    void looksForNewReportsOnAnEmptyNotification() throws Exception {
        camel.getRouteController().stopRoute("fhir-poll");
        String mrn = store();

        HttpResponse<String> response = notify("", "");

        assertThat(response.statusCode()).isEqualTo(200);
        awaitOneObservation(mrn);
    }

    @Test
    void answers404WhenTheSourceDoesNotHoldTheNamedReport() throws Exception {
        long before = requestsAdded();

        HttpResponse<String> response = notify("", "{\"resourceType\":\"DiagnosticReport\",\"id\":\"no-such-report\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(outcome(response).getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(requestsAdded()).isEqualTo(before);
    }

    @Test
    void answers400ToANotificationAboutAnotherResourceType() throws Exception {
        HttpResponse<String> response = notify("", "{\"resourceType\":\"Patient\",\"id\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).startsWith("FHIR-NOTIFY-WRONG-TYPE");
    }

    /** Stores a new report on the source (with a new patient) and returns the patient's MRN. */
    private String store() {
        String mrn = IntakeFixtures.uniqueMrn();
        storeReport(mrn);
        return mrn;
    }

    private String storeReport(String mrn) {
        DiagnosticReport report = IntakeFixtures.chestReport(mrn);
        report.setId("dr-" + UUID.randomUUID());
        return source.update().resource(report).execute().getId().getIdPart();
    }

    private HttpResponse<String> notify(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook() + path))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String hook() {
        return "http://127.0.0.1:" + HUB.httpPort + "/fhir-notify";
    }

    private static OperationOutcome outcome(HttpResponse<String> response) {
        return FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    }

    private void awaitOneObservation(String mrn) {
        await().atMost(60, SECONDS).ignoreExceptions().pollInterval(200, MILLISECONDS).untilAsserted(() ->
                assertThat(fhir.observationsFor(IntakeFixtures.MRN_SYSTEM, mrn)).hasSize(1));
    }

    private long requestsAdded() {
        return broker.getActiveMQServer().locateQueue(SimpleString.of("hub.inference.requests")).getMessagesAdded();
    }

}
