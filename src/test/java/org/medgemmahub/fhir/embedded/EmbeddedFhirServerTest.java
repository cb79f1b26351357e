package org.medgemmahub.fhir.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.medgemmahub.fhir.embedded.FhirFixtures.MODEL_SYSTEM;
import static org.medgemmahub.fhir.embedded.FhirFixtures.MRN_SYSTEM;
import static org.medgemmahub.fhir.embedded.FhirFixtures.RESULT_SYSTEM;
import static org.medgemmahub.fhir.embedded.FhirFixtures.model;
import static org.medgemmahub.fhir.embedded.FhirFixtures.observation;
import static org.medgemmahub.fhir.embedded.FhirFixtures.patient;
import static org.medgemmahub.fhir.embedded.FhirFixtures.patientByMrn;
import static org.medgemmahub.fhir.embedded.FhirFixtures.resultTransaction;
import static org.medgemmahub.fhir.embedded.FhirFixtures.unique;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedFhirServerTest extends EmbeddedFhirServerTestSupport {

    @Test
    void createsAResourceUnderAServerAssignedIdAndReadsItBack() {
        String mrn = unique("mrn");

        MethodOutcome created = client.create().resource(patient(mrn)).execute();

        assertThat(created.getCreated()).isTrue();
        assertThat(created.getId().getVersionIdPart()).isEqualTo("1");
        Patient read = client.read().resource(Patient.class).withId(id(created.getId())).execute();
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(mrn);
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        assertThat(read.getMeta().getLastUpdated()).isNotNull();
    }

    @Test
    void updateStoresTheNextVersionAndVreadStillAnswersTheFirst() {
        Patient patient = patient(unique("mrn"));
        String id = id(client.create().resource(patient).execute().getId());
        patient.setId(id);
        patient.getNameFirstRep().setFamily("Renamed");

        MethodOutcome updated = client.update().resource(patient).execute();

        assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
        assertThat(client.read().resource(Patient.class).withId(id).execute().getNameFirstRep().getFamily()).isEqualTo("Renamed");
        Patient first = client.read().resource(Patient.class).withIdAndVersion(id, "1").execute();
        assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Example");
        assertThat(first.getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void updateCreatesTheResourceWhenTheIdIsNew() {
        Patient patient = patient(unique("mrn"));
        patient.setId("chosen-" + UUID.randomUUID());

        MethodOutcome outcome = client.update().resource(patient).execute();

        assertThat(outcome.getCreated()).isTrue();
        assertThat(outcome.getId().getVersionIdPart()).isEqualTo("1");
        assertThat(id(client.read().resource(Patient.class).withId(patient.getIdElement().getIdPart()).execute()))
                .isEqualTo(patient.getIdElement().getIdPart());
    }

    @Test
    void conditionalCreateAnswersTheExistingResourceInsteadOfCreatingASecond() {
        String mrn = unique("mrn");
        String condition = "Patient?identifier=" + MRN_SYSTEM + "|" + mrn;
        MethodOutcome first = client.create().resource(patient(mrn)).conditionalByUrl(condition).execute();

        MethodOutcome second = client.create().resource(patient(mrn)).conditionalByUrl(condition).execute();

        assertThat(first.getCreated()).isTrue();
        assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(id(second.getId())).isEqualTo(id(first.getId()));
        assertThat(second.getId().getVersionIdPart()).isEqualTo("1");
        assertThat(search("Patient", "identifier", MRN_SYSTEM + "|" + mrn).getTotal()).isEqualTo(1);
    }

    @Test
    void conditionalCreateThatMatchesAnswers200WithTheStoredResource() throws Exception {
        String mrn = unique("mrn");
        String existing = id(client.create().resource(patient(mrn)).execute().getId());
        String body = fhirContext.newJsonParser().encodeResourceToString(patient(mrn));

        HttpResponse<String> response = send("POST", "Patient", body, "If-None-Exist", "identifier=" + MRN_SYSTEM + "|" + mrn);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(id(fhirContext.newJsonParser().parseResource(Patient.class, response.body()))).isEqualTo(existing);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains(existing));
    }

    @Test
    void sameResultTransactionTwiceStoresOneObservationAndOneProvenance() {
        String resultId = unique("result");
        String mrn = unique("mrn");
        String modelVersion = unique("model");

        Bundle first = client.transaction().withBundle(resultTransaction(resultId, mrn, modelVersion)).execute();
        Bundle second = client.transaction().withBundle(resultTransaction(resultId, mrn, modelVersion)).execute();

        assertThat(first.getType()).isEqualTo(BundleType.TRANSACTIONRESPONSE);
        assertThat(statuses(first)).containsExactly("201 Created", "201 Created", "201 Created");
        assertThat(statuses(second)).containsExactly("200 OK", "200 OK", "200 OK");
        assertThat(locations(second)).isEqualTo(locations(first));
        assertThat(locations(first)).allMatch(location -> location.matches("(Device|Observation|Provenance)/[0-9a-f-]{36}/_history/1"));
        Bundle observations = search("Observation", "identifier", RESULT_SYSTEM + "|" + resultId);
        assertThat(observations.getTotal()).isEqualTo(1);
        Observation stored = (Observation) observations.getEntryFirstRep().getResource();
        assertThat(stored.getDevice().getReference()).isEqualTo(versionless(locations(first).get(0)));
        Bundle provenances = search("Provenance", "target", "Observation/" + id(stored));
        assertThat(provenances.getTotal()).isEqualTo(1);
        assertThat(((Provenance) provenances.getEntryFirstRep().getResource()).getAgentFirstRep().getWho().getReference())
                .isEqualTo(versionless(locations(first).get(0)));
    }

    @Test
    void placeholderOfAConditionalCreateThatMatchedPointsAtTheExistingResource() {
        String modelVersion = unique("model");
        String existing = id(client.create().resource(model(modelVersion)).execute().getId());

        Bundle response = client.transaction().withBundle(resultTransaction(unique("result"), unique("mrn"), modelVersion)).execute();

        assertThat(statuses(response)).containsExactly("200 OK", "201 Created", "201 Created");
        Observation stored = client.read().resource(Observation.class).withUrl(versionless(locations(response).get(1))).execute();
        assertThat(stored.getDevice().getReference()).isEqualTo("Device/" + existing);
        assertThat(search("Device", "identifier", MODEL_SYSTEM + "|" + modelVersion).getTotal()).isEqualTo(1);
    }

    @Test
    void transactionReadsSeeItsOwnWritesAndAnswerInEntryOrder() {
        String mrn = unique("mrn");
        Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
        bundle.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Patient?identifier=" + MRN_SYSTEM + "|" + mrn);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(patient(mrn)).getRequest()
                .setMethod(HTTPVerb.POST).setUrl("Patient");

        Bundle response = client.transaction().withBundle(bundle).execute();

        assertThat(statuses(response)).containsExactly("200 OK", "201 Created");
        Bundle found = (Bundle) response.getEntry().get(0).getResource();
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat("Patient/" + id(found.getEntryFirstRep().getResource())).isEqualTo(versionless(locations(response).get(1)));
    }

    @Test
    void transactionPutCreatesThenUpdatesByIdAndItsPlaceholderResolvesToThatId() {
        String patientId = "put-" + UUID.randomUUID();

        Bundle first = client.transaction().withBundle(putPatientWithObservation(patientId)).execute();
        Bundle second = client.transaction().withBundle(putPatientWithObservation(patientId)).execute();

        assertThat(statuses(first)).containsExactly("201 Created", "201 Created");
        assertThat(statuses(second)).containsExactly("200 OK", "201 Created");
        assertThat(locations(second).get(0)).isEqualTo("Patient/" + patientId + "/_history/2");
        Observation stored = client.read().resource(Observation.class).withUrl(versionless(locations(second).get(1))).execute();
        assertThat(stored.getSubject().getReference()).isEqualTo("Patient/" + patientId);
    }

    @Test
    void concurrentConditionalCreatesOfOneResultStoreItOnce() throws Exception {
        String resultId = unique("result");
        String mrn = unique("mrn");
        String modelVersion = unique("model");
        int senders = 6;
        ExecutorService executor = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Bundle>> responses = new ArrayList<>();
            for (int i = 0; i < senders; i++)
                responses.add(executor.submit(() -> {
                    start.await();
                    return fhirContext.newRestfulGenericClient(baseUrl()).transaction()
                            .withBundle(resultTransaction(resultId, mrn, modelVersion)).execute();
                }));
            start.countDown();
            for (Future<Bundle> response : responses)
                assertThat(response.get(30, TimeUnit.SECONDS).getEntry()).hasSize(3);
        } finally {
            executor.shutdownNow();
        }

        assertThat(search("Observation", "identifier", RESULT_SYSTEM + "|" + resultId).getTotal()).isEqualTo(1);
        assertThat(search("Device", "identifier", MODEL_SYSTEM + "|" + modelVersion).getTotal()).isEqualTo(1);
        String observation = id(search("Observation", "identifier", RESULT_SYSTEM + "|" + resultId).getEntryFirstRep().getResource());
        assertThat(search("Provenance", "target", "Observation/" + observation).getTotal()).isEqualTo(1);
    }

    @Test
    void batchAnswersEachEntryOnItsOwnAndResolvesEarlierPlaceholders() {
        String mrn = unique("mrn");
        String patientPlaceholder = "urn:uuid:" + UUID.randomUUID();
        Bundle batch = new Bundle().setType(BundleType.BATCH);
        batch.addEntry().setFullUrl(patientPlaceholder).setResource(patient(mrn)).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
        batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Patient/" + UUID.randomUUID());
        batch.addEntry().setResource(observation(unique("result"), new Reference(patientPlaceholder))).getRequest()
                .setMethod(HTTPVerb.POST).setUrl("Observation");

        Bundle response = client.transaction().withBundle(batch).execute();

        assertThat(response.getType()).isEqualTo(BundleType.BATCHRESPONSE);
        assertThat(statuses(response)).containsExactly("201 Created", "404 Not Found", "201 Created");
        assertThat(((OperationOutcome) response.getEntry().get(1).getResponse().getOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("FHIR-EMB-NOT-FOUND");
        Observation stored = client.read().resource(Observation.class).withUrl(versionless(locations(response).get(2))).execute();
        assertThat(stored.getSubject().getReference()).isEqualTo(versionless(locations(response).get(0)));
    }

    @Test
    void capabilityStatementNamesTheEmbeddedServerAndListsItsSearchParameters() {
        CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(statement.getSoftware().getName()).isEqualTo("MedGemma Hub embedded FHIR server");
        assertThat(statement.getDescription()).contains("not a clinical FHIR server");
        List<CapabilityStatementRestResourceComponent> resources = statement.getRestFirstRep().getResource();
        assertThat(resources).extracting(CapabilityStatementRestResourceComponent::getType)
                .contains("Observation", "Provenance", "Device", "Patient", "DiagnosticReport");
        CapabilityStatementRestResourceComponent observation = resources.stream()
                .filter(resource -> resource.getType().equals("Observation")).findFirst().orElseThrow();
        assertThat(observation.getConditionalCreate()).isTrue();
        assertThat(observation.getSearchParam()).extracting(CapabilityStatementRestResourceSearchParamComponent::getName)
                .contains("_id", "_lastUpdated", "_tag", "identifier", "subject", "patient", "code", "status", "derived-from", "device");
    }

    @Nested
    class Errors {
        @Test
        void answers404WithOperationOutcomeForAnUnknownId() {
            ResourceNotFoundException thrown = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> client.read().resource(Patient.class).withId("no-such-patient").execute());

            assertThat(thrown.getStatusCode()).isEqualTo(404);
            assertThat(diagnostics(thrown)).contains("FHIR-EMB-NOT-FOUND");
        }

        @Test
        void answers404ForAVersionThatWasNeverWritten() {
            String id = id(client.create().resource(patient(unique("mrn"))).execute().getId());

            ResourceNotFoundException thrown = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> client.read().resource(Patient.class).withIdAndVersion(id, "7").execute());

            assertThat(diagnostics(thrown)).contains("has no version 7");
        }

        @Test
        void answers400WithOperationOutcomeAndNoStackTraceForInvalidJson() throws Exception {
            HttpResponse<String> response = send("POST", "Patient", "{\"resourceType\": \"Patient\", \"name\": [");

            assertThat(response.statusCode()).isEqualTo(400);
            OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
            assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(IssueSeverity.ERROR);
            assertThat(response.body()).doesNotContain("at ca.uhn", "at org.");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "colour=red,                      FHIR-EMB-UNKNOWN-PARAM",
                "_has=Provenance:target:agent,    FHIR-EMB-UNKNOWN-PARAM",
                "code:text=imaging,               FHIR-EMB-UNSUPPORTED-MODIFIER",
                "subject.name=Example,            FHIR-EMB-UNSUPPORTED-CHAIN",
                "_lastUpdated=sa2024-01-01,       FHIR-EMB-BAD-PARAM-VALUE",
                "_lastUpdated=yesterday,          FHIR-EMB-BAD-PARAM-VALUE",
                "_count=many,                     FHIR-EMB-BAD-PARAM-VALUE",
                "_sort=code,                      FHIR-EMB-UNSUPPORTED-SORT"})
        void answers400ForASearchItDoesNotUnderstandInsteadOfIgnoringIt(String query, String code) {
            String[] nameAndValue = query.split("=", 2);

            InvalidRequestException thrown = catchThrowableOfType(InvalidRequestException.class,
                    () -> search("Observation", nameAndValue[0], nameAndValue[1]));

            assertThat(diagnostics(thrown)).contains(code);
        }

        @Test
        void answers412WhenAConditionalCreateMatchesSeveralResources() {
            String mrn = unique("mrn");
            client.create().resource(patient(mrn)).execute();
            client.create().resource(patient(mrn)).execute();

            PreconditionFailedException thrown = catchThrowableOfType(PreconditionFailedException.class, () -> client.create()
                    .resource(patient(mrn)).conditionalByUrl("Patient?identifier=" + MRN_SYSTEM + "|" + mrn).execute());

            assertThat(diagnostics(thrown)).contains("FHIR-EMB-CONDITION-AMBIGUOUS");
            assertThat(search("Patient", "identifier", MRN_SYSTEM + "|" + mrn).getTotal()).isEqualTo(2);
        }

        @Test
        void answers400WhenTheBodyIdDiffersFromTheUrlId() throws Exception {
            Patient patient = patient(unique("mrn"));
            patient.setId("body-id");

            HttpResponse<String> response = send("PUT", "Patient/url-id", fhirContext.newJsonParser().encodeResourceToString(patient));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body()).getIssueFirstRep().getDiagnostics())
                    .isNotBlank();
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> client.read().resource(Patient.class).withId("url-id").execute())).isNotNull();
        }

        @Test
        void storesNothingFromATransactionWithAnUnresolvedPlaceholder() {
            String mrn = unique("mrn");
            Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
            bundle.addEntry().setResource(patient(mrn)).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
            bundle.addEntry().setResource(observation(unique("result"), new Reference("urn:uuid:" + UUID.randomUUID())))
                    .getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");

            UnprocessableEntityException thrown = catchThrowableOfType(UnprocessableEntityException.class,
                    () -> client.transaction().withBundle(bundle).execute());

            assertThat(diagnostics(thrown)).contains("FHIR-EMB-UNRESOLVED-PLACEHOLDER", "entry[1]");
            assertThat(search("Patient", "identifier", MRN_SYSTEM + "|" + mrn).getTotal()).isZero();
        }

        @Test
        void storesNothingFromATransactionWhoseLastEntryFails() {
            String mrn = unique("mrn");
            Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
            bundle.addEntry().setResource(patient(mrn)).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
            bundle.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Patient/" + UUID.randomUUID());

            ResourceNotFoundException thrown = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> client.transaction().withBundle(bundle).execute());

            assertThat(diagnostics(thrown)).contains("FHIR-EMB-NOT-FOUND");
            assertThat(search("Patient", "identifier", MRN_SYSTEM + "|" + mrn).getTotal()).isZero();
        }

        @Test
        void storesNothingFromATransactionWithAnEntryWithoutMethod() {
            String mrn = unique("mrn");
            Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
            bundle.addEntry().setResource(patient(mrn)).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
            bundle.addEntry().setResource(observation(unique("result"), patientByMrn(mrn)));

            InvalidRequestException thrown = catchThrowableOfType(InvalidRequestException.class,
                    () -> client.transaction().withBundle(bundle).execute());

            assertThat(diagnostics(thrown)).contains("FHIR-EMB-BAD-ENTRY", "entry[1]");
            assertThat(search("Patient", "identifier", MRN_SYSTEM + "|" + mrn).getTotal()).isZero();
        }

        @Test
        void answers400ForABundleThatIsNeitherTransactionNorBatch() {
            Bundle collection = new Bundle().setType(BundleType.COLLECTION);
            collection.addEntry().setResource(new Device());

            InvalidRequestException thrown = catchThrowableOfType(InvalidRequestException.class,
                    () -> client.transaction().withBundle(collection).execute());

            assertThat(diagnostics(thrown)).contains("FHIR-EMB-BUNDLE-TYPE");
        }
    }

    private static Bundle putPatientWithObservation(String patientId) {
        String placeholder = "urn:uuid:" + UUID.randomUUID();
        Patient patient = patient(unique("mrn"));
        patient.setId(patientId);
        Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl(placeholder).setResource(patient).getRequest().setMethod(HTTPVerb.PUT).setUrl("Patient/" + patientId);
        bundle.addEntry().setResource(observation(unique("result"), new Reference(placeholder))).getRequest()
                .setMethod(HTTPVerb.POST).setUrl("Observation");
        return bundle;
    }

    private static List<String> statuses(Bundle response) {
        return response.getEntry().stream().map(entry -> entry.getResponse().getStatus()).toList();
    }

    private static List<String> locations(Bundle response) {
        return response.getEntry().stream().map(BundleEntryComponent::getResponse).map(r -> r.getLocation()).toList();
    }

    private static String versionless(String location) {
        return location == null ? null : new IdType(location).toUnqualifiedVersionless().getValue();
    }
}
