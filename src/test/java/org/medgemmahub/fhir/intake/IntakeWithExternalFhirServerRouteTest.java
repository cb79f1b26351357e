package org.medgemmahub.fhir.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.medgemmahub.HubApplication;
import org.medgemmahub.support.FreePorts;
import org.medgemmahub.support.HubTestSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the embedded store off (results go to an external FHIR server, here one that is down), {@code /fhir} still takes
 * reports and report bundles, and nothing else. The model route is off, so accepted requests stay on the queue.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IntakeWithExternalFhirServerRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final FhirContext FHIR = FhirContext.forR4Cached();

    @DynamicPropertySource
    static void externalFhirServer(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("hub.fhir.embedded.enabled", () -> "false");
        registry.add("hub.fhir.server-url", () -> "http://127.0.0.1:" + FreePorts.next() + "/fhir");
        registry.add("medgemma.enabled", () -> "false");
    }

    @Autowired EmbeddedActiveMQ broker;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptsAReportAndQueuesIt() throws Exception {
        long before = requestsAdded();

        HttpResponse<String> response = post("DiagnosticReport",
                FHIR.newJsonParser().encodeResourceToString(IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn())));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/requests/"));
        assertThat(requestsAdded() - before).isEqualTo(1);
    }

    @Test
    void acceptsABundleOfReports() throws Exception {
        HttpResponse<String> response = post("", FHIR.newJsonParser().encodeResourceToString(
                IntakeFixtures.reportBundle(IntakeFixtures.uniqueMrn(), Bundle.BundleType.BATCH)));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void refusesABundleWithoutReportsBecauseItStoresNothing() throws Exception {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setResource(new Observation().setStatus(Observation.ObservationStatus.FINAL))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

        HttpResponse<String> response = post("", FHIR.newJsonParser().encodeResourceToString(bundle));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep().getDiagnostics())
                .startsWith("FHIR-INTAKE-NO-REPORT");
    }

    @Test
    void answers503WhenTheServerHoldingTheReferencedPatientIsDown() throws Exception {
        long before = requestsAdded();
        DiagnosticReport report = IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn()).setSubject(new Reference("Patient/p1"));

        HttpResponse<String> response = post("DiagnosticReport", FHIR.newJsonParser().encodeResourceToString(report));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep().getDiagnostics())
                .startsWith("FHIR-INTAKE-SOURCE-UNAVAILABLE");
        assertThat(requestsAdded()).isEqualTo(before);
    }

    @Test
    void servesNoReadsOrSearches() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(HUB.fhirBase() + "/Observation?code=x"))
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 405);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(HUB.fhirBase() + (path.isEmpty() ? "" : "/" + path)))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long requestsAdded() {
        return broker.getActiveMQServer().locateQueue(SimpleString.of("hub.inference.requests")).getMessagesAdded();
    }
}
