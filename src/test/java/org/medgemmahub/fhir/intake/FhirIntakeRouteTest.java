package org.medgemmahub.fhir.intake;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.PipelineJson;
import org.medgemmahub.pipeline.SourceKind;
import org.springframework.jms.core.JmsTemplate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medgemmahub.fhir.FhirNames;
import org.junit.jupiter.api.Test;
import org.medgemmahub.HubApplication;
import org.medgemmahub.fhir.FhirResourceValidator;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubTestSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The FHIR intake over real HTTP on the embedded defaults: report in, 202, simulator over HTTP, Observation on /fhir. */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FhirIntakeRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String API_KEY = "intake-test-key";

    @DynamicPropertySource
    static void hubOnFreePorts(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("hub.api.key", () -> API_KEY);
    }

    @Autowired FhirResourceValidator validator;
    @Autowired EmbeddedActiveMQ broker;
    @Autowired CamelContext camel;
    @Autowired JmsTemplate jms;

    private final FhirTestClient fhir = new FhirTestClient(HUB.fhirBase());
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptsAJsonReportWith202AndALocationAndWritesAValidAiObservation() throws Exception {
        String mrn = IntakeFixtures.uniqueMrn();

        HttpResponse<String> response = post("DiagnosticReport", FHIR.newJsonParser().encodeResourceToString(IntakeFixtures.chestReport(mrn)),
                "application/fhir+json");

        assertThat(response.statusCode()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1:" + HUB.httpPort + "/api/requests/");
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).startsWith("FHIR-INTAKE-QUEUED");
        Observation observation = awaitOneObservation(mrn);
        assertThat(validator.problems(observation)).isEmpty();
        assertThat(observation.getIdentifierFirstRep().getValue()).isEqualTo(location.substring(location.lastIndexOf('/') + 1));
        assertThat(observation.getMeta().getSecurity()).extracting(c -> c.getCode()).containsExactly("AIAST");
        assertThat(observation.getDerivedFromFirstRep().getType()).isEqualTo("DiagnosticReport");
        assertThat(observation.getNoteFirstRep().getText()).contains("reviewed by a clinician");
    }

    @Test
    void acceptsAnXmlReportReferringToAStoredPatient() throws Exception {
        String mrn = IntakeFixtures.uniqueMrn();
        String patientId = "p-" + mrn.toLowerCase();
        FHIR.newRestfulGenericClient(HUB.fhirBase()).update().resource(IntakeFixtures.patient(patientId, mrn)).execute();
        DiagnosticReport report = IntakeFixtures.chestReport(mrn);
        report.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/" + patientId));

        HttpResponse<String> response = post("DiagnosticReport", FHIR.newXmlParser().encodeResourceToString(report), "application/fhir+xml");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).isPresent();
        awaitOneObservation(mrn);
    }

    @Test
    void acceptsATransactionBundleOfAReportWithItsPatientAndResults() throws Exception {
        String mrn = IntakeFixtures.uniqueMrn();

        HttpResponse<String> response = post("", FHIR.newJsonParser().encodeResourceToString(
                IntakeFixtures.reportBundle(mrn, Bundle.BundleType.TRANSACTION)), "application/fhir+json");

        assertThat(response.statusCode()).isEqualTo(202);
        Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
        assertThat(answer.getEntry()).extracting(e -> e.getResponse().getStatus()).containsExactly("200 OK", "200 OK", "202 Accepted");
        assertThat(answer.getEntry().get(2).getResponse().getLocation()).isEqualTo(response.headers().firstValue("Location").orElseThrow());
        awaitOneObservation(mrn);
    }

    @Test
    void acceptsACollectionBundle() throws Exception {
        String mrn = IntakeFixtures.uniqueMrn();

        HttpResponse<String> response = post("", FHIR.newJsonParser().encodeResourceToString(
                IntakeFixtures.reportBundle(mrn, Bundle.BundleType.COLLECTION)), "application/fhir+json");

        assertThat(response.statusCode()).isEqualTo(202);
        awaitOneObservation(mrn);
    }

    @Test
    void queuesTheSameReportPostedTwiceOnce() throws Exception {
        String mrn = IntakeFixtures.uniqueMrn();
        String body = FHIR.newJsonParser().encodeResourceToString(IntakeFixtures.chestReport(mrn));
        long before = requestsAdded();

        assertThat(post("DiagnosticReport", body, "application/fhir+json").statusCode()).isEqualTo(202);
        assertThat(post("DiagnosticReport", body, "application/fhir+json").statusCode()).isEqualTo(202);

        assertThat(requestsAdded() - before).isEqualTo(1);
        awaitOneObservation(mrn);
    }

    @Nested
    class OfficialExampleReports {
        @BeforeEach
        void referencedResourcesOnTheFhirServer() {
            var client = FHIR.newRestfulGenericClient(HUB.fhirBase());
            OfficialExamples.referenced().forEach(resource -> client.update().resource(resource).execute());
        }

        @ParameterizedTest
        @ValueSource(strings = {"102", "example-pgx", "f201", "pap", "ultrasound"})
        void acceptsEachWith202AndWritesAnObservationValidAgainstTheProfile(String id) throws Exception {
            HttpResponse<String> response = post("DiagnosticReport", OfficialExamples.report(id), "application/fhir+json");

            assertThat(response.statusCode()).isEqualTo(202);
            String location = response.headers().firstValue("Location").orElseThrow();
            String requestId = location.substring(location.lastIndexOf('/') + 1);
            List<Observation> written = new ArrayList<>();
            await().atMost(60, SECONDS).ignoreExceptions().untilAsserted(() -> {
                written.clear();
                written.addAll(fhir.observationsWithRequestId(requestId));
                assertThat(written).hasSize(1);
            });
            Observation observation = written.get(0);
            assertThat(observation.getMeta().getProfile()).extracting(p -> p.getValue()).contains(FhirNames.OBSERVATION_PROFILE);
            assertThat(validator.problems(observation)).isEmpty();
        }

        @Test
        void answers422ToGingivalMassWhosePatientIsOnlyAName() throws Exception {
            long before = requestsAdded();

            HttpResponse<String> response = post("DiagnosticReport", OfficialExamples.report("gingival-mass"), "application/fhir+json");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep().getDiagnostics())
                    .startsWith("FHIR-INTAKE-UNKNOWN-PATIENT");
            assertThat(requestsAdded()).isEqualTo(before);
        }
    }

    @Nested
    class RequestStatusResource {
        @Test
        void saysQueuedWhileTheModelRouteIsStoppedThenDoneWithTheObservation() throws Exception {
            String mrn = IntakeFixtures.uniqueMrn();
            camel.getRouteController().stopRoute("medgemma-infer");
            String location;
            try {
                location = postReport(IntakeFixtures.chestReport(mrn)).headers().firstValue("Location").orElseThrow();
                JsonNode queued = status(location, 200);
                assertThat(queued.path("state").asText()).isEqualTo("queued");
                assertThat(queued.path("id").asText()).isEqualTo(location.substring(location.lastIndexOf('/') + 1));
            } finally {
                camel.getRouteController().startRoute("medgemma-infer");
            }
            Observation observation = awaitOneObservation(mrn);
            await().atMost(30, SECONDS).untilAsserted(() -> {
                JsonNode done = status(location, 200);
                assertThat(done.path("state").asText()).isEqualTo("done");
                assertThat(done.path("observation").asText()).endsWith("/fhir/Observation/" + observation.getIdElement().getIdPart());
            });
        }

        @Test
        void answers404UnknownForAnIdNobodySent() throws Exception {
            JsonNode unknown = status("http://127.0.0.1:" + HUB.httpPort + "/api/requests/" + java.util.UUID.randomUUID(), 404);
            assertThat(unknown.path("state").asText()).isEqualTo("unknown");
        }

        @Test
        void deadLettersAnObservationThatFailsValidationWithTheValidatorsMessage() throws Exception {
            InferenceRequest anonymous = new InferenceRequest("invalid-" + java.util.UUID.randomUUID(), SourceKind.FHIR,
                    "DiagnosticReport/anonymous/_history/1", "test", List.of(), null, null, null, "report-findings",
                    "No acute findings.", null, java.time.Instant.now(), java.util.Map.of());
            jms.convertAndSend("hub.inference.requests", PipelineJson.write(anonymous), message -> {
                message.setStringProperty("HubRequestId", anonymous.id());
                return message;
            });

            await().atMost(60, SECONDS).ignoreExceptions().untilAsserted(() -> {
                JsonNode status = status("http://127.0.0.1:" + HUB.httpPort + "/api/requests/" + anonymous.id(), 200);
                assertThat(status.path("state").asText()).isEqualTo("dead-lettered");
                assertThat(status.path("queue").asText()).isEqualTo("hub.inference.results.dlq");
                assertThat(status.path("reason").asText()).startsWith("FHIR-INVALID").contains("mgh-obs-3");
            });
            assertThat(fhir.observationsWithRequestId(anonymous.id())).isEmpty();
        }

        private JsonNode status(String location, int expectedStatus) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(location))
                    .header("X-API-Key", API_KEY).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(expectedStatus);
            return PipelineJson.mapper().readTree(response.body());
        }
    }

    @Nested
    class BadInput {
        @Test
        void answers400WithAnOperationOutcomeToABodyThatIsNeitherJsonNorXml() throws Exception {
            assertRefused(post("DiagnosticReport", "this is not FHIR", "application/fhir+json"), 400, "");
        }

        @Test
        void answers400ToAResourceThatIsNotADiagnosticReport() throws Exception {
            String patient = FHIR.newJsonParser().encodeResourceToString(IntakeFixtures.patient("x", "1"));
            assertRefused(post("DiagnosticReport", patient, "application/fhir+json"), 400, "DiagnosticReport");
        }

        @Test
        void answers422ToAReportWithoutSubject() throws Exception {
            DiagnosticReport report = IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn());
            report.setSubject(null);
            assertRefused(postReport(report), 422, "FHIR-INTAKE-MISSING: DiagnosticReport.subject is required");
        }

        @Test
        void answers422ToAReportWithoutCode() throws Exception {
            DiagnosticReport report = IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn());
            report.setCode(null);
            assertRefused(postReport(report), 422, "FHIR-INTAKE-MISSING: DiagnosticReport.code is required");
        }

        @Test
        void answers400ToAPresentedFormThatIsNotBase64() throws Exception {
            DiagnosticReport report = IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn());
            report.addPresentedForm().setContentType("text/plain").setTitle("report");
            String json = FHIR.newJsonParser().encodeResourceToString(report)
                    .replace("\"title\":\"report\"", "\"title\":\"report\",\"data\":\"%%%not*base64%%%\"");
            assertRefused(post("DiagnosticReport", json, "application/fhir+json"), 400, "base64");
        }

        @Test
        void answers422ToAReportWhosePatientIsUnknown() throws Exception {
            DiagnosticReport report = IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn());
            report.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/does-not-exist"));
            assertRefused(postReport(report), 422, "FHIR-INTAKE-UNKNOWN-PATIENT");
        }

        @Test
        void answers422ToAReportWithNothingToRead() throws Exception {
            DiagnosticReport report = IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn());
            report.setConclusion(null);
            assertRefused(postReport(report), 422, "FHIR-INTAKE-NO-CONTENT");
        }

        @Test
        void queuesNothingFromABundleWithOneUnusableReport() throws Exception {
            Bundle bundle = IntakeFixtures.reportBundle(IntakeFixtures.uniqueMrn(), Bundle.BundleType.BATCH);
            DiagnosticReport broken = IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn());
            broken.setSubject(null);
            bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(broken)
                    .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("DiagnosticReport");
            assertRefused(post("", FHIR.newJsonParser().encodeResourceToString(bundle), "application/fhir+json"), 422,
                    "FHIR-INTAKE-MISSING");
        }

        private void assertRefused(HttpResponse<String> response, int status, String diagnostic) {
            long added = requestsAdded();
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
            assertThat(outcome.getIssueFirstRep().getSeverity()).isIn(OperationOutcome.IssueSeverity.ERROR, OperationOutcome.IssueSeverity.FATAL);
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(diagnostic).doesNotContain("\tat ", "Exception:");
            assertThat(added).isEqualTo(addedAtStart);
        }

        private final long addedAtStart = requestsAdded();
    }

    private HttpResponse<String> postReport(DiagnosticReport report) throws Exception {
        return post("DiagnosticReport", FHIR.newJsonParser().encodeResourceToString(report), "application/fhir+json");
    }

    HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(HUB.fhirBase() + (path.isEmpty() ? "" : "/" + path)))
                .header("Content-Type", contentType)
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Observation awaitOneObservation(String mrn) {
        List<Observation> found = new ArrayList<>();
        await().atMost(60, SECONDS).ignoreExceptions().pollInterval(200, java.util.concurrent.TimeUnit.MILLISECONDS).untilAsserted(() -> {
            found.clear();
            found.addAll(fhir.observationsFor(IntakeFixtures.MRN_SYSTEM, mrn));
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    long requestsAdded() {
        return broker.getActiveMQServer().locateQueue(SimpleString.of("hub.inference.requests")).getMessagesAdded();
    }
}
