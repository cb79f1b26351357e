package org.medgemmahub.fhir.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.medgemmahub.fhir.embedded.FhirFixtures.MRN_SYSTEM;
import static org.medgemmahub.fhir.embedded.FhirFixtures.RESULT_SYSTEM;
import static org.medgemmahub.fhir.embedded.FhirFixtures.patient;
import static org.medgemmahub.fhir.embedded.FhirFixtures.resultTransaction;
import static org.medgemmahub.fhir.embedded.FhirFixtures.unique;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Each test starts the server on its own store folder, stops it and starts a new one on the same folder. */
class EmbeddedFhirPersistenceTest {
    @TempDir
    Path store;

    @Test
    void servesWhatItStoredAfterARestart() {
        String resultId = unique("result");
        String mrn = unique("mrn");
        String observationLocation;
        String patientId;
        try (ConfigurableApplicationContext first = start()) {
            IGenericClient client = client(first);
            Bundle response = client.transaction().withBundle(resultTransaction(resultId, mrn, unique("model"))).execute();
            observationLocation = response.getEntry().get(1).getResponse().getLocation();
            Patient patient = patient(mrn);
            patientId = client.create().resource(patient).execute().getId().getIdPart();
            patient.setId(patientId);
            patient.getNameFirstRep().setFamily("Renamed");
            client.update().resource(patient).execute();
        }

        try (ConfigurableApplicationContext second = start()) {
            IGenericClient client = client(second);
            Observation observation = client.read().resource(Observation.class).withUrl(new IdType(observationLocation).toVersionless()).execute();
            assertThat(observation.getIdentifierFirstRep().getValue()).isEqualTo(resultId);
            assertThat(client.read().resource(Patient.class).withIdAndVersion(patientId, "1").execute().getNameFirstRep().getFamily())
                    .isEqualTo("Example");
            assertThat(client.read().resource(Patient.class).withId(patientId).execute().getMeta().getVersionId()).isEqualTo("2");
            Bundle found = client.search().byUrl("Observation?subject:identifier=" + MRN_SYSTEM + "%7C" + mrn).returnBundle(Bundle.class).execute();
            assertThat(found.getTotal()).isEqualTo(1);
            Bundle again = client.transaction().withBundle(resultTransaction(resultId, mrn, unique("model"))).execute();
            assertThat(again.getEntry().get(1).getResponse().getLocation()).isEqualTo(observationLocation);
            Bundle observations = client.search().byUrl("Observation?identifier=" + RESULT_SYSTEM + "%7C" + resultId).returnBundle(Bundle.class).execute();
            assertThat(observations.getTotal()).isEqualTo(1);
        }
    }

    @Test
    void writesTheCurrentVersionAndEachVersionAsJsonFilesUnderTheType() throws Exception {
        String id;
        try (ConfigurableApplicationContext context = start()) {
            id = client(context).create().resource(patient(unique("mrn"))).execute().getId().getIdPart();
        }

        assertThat(store.resolve("Patient").resolve(id + ".json")).isRegularFile();
        assertThat(store.resolve("Patient").resolve("_history").resolve(id + "_1.json")).isRegularFile();
        try (Stream<Path> files = Files.walk(store)) {
            assertThat(files.filter(file -> file.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void answers500AndKeepsNothingWhenTheDiskWriteFails() throws Exception {
        Files.writeString(store.resolve("Patient"), "a file where the Patient folder should be");
        String mrn = unique("mrn");
        try (ConfigurableApplicationContext context = start()) {
            IGenericClient client = client(context);

            InternalErrorException thrown = catchThrowableOfType(InternalErrorException.class,
                    () -> client.create().resource(patient(mrn)).execute());

            assertThat(thrown.getStatusCode()).isEqualTo(500);
            assertThat(thrown.getResponseBody()).contains("FHIR-EMB-STORE-IO").doesNotContain("at java.", "at org.");
            Bundle found = client.search().byUrl("Patient?identifier=" + MRN_SYSTEM + "%7C" + mrn).returnBundle(Bundle.class).execute();
            assertThat(found.getTotal()).isZero();
        }
    }

    @Test
    void refusesToStartOnAStoredFileItCannotRead() throws Exception {
        Files.createDirectories(store.resolve("Patient"));
        Files.writeString(store.resolve("Patient").resolve("broken.json"), "{\"resourceType\": \"Patient\", ");

        assertThatThrownBy(this::start).hasStackTraceContaining("FHIR-EMB-STORE-CORRUPT").hasStackTraceContaining("broken.json");
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments, so that no application.yaml on the class path can override them
        return new SpringApplicationBuilder(EmbeddedFhirTestApplication.class)
                .run("--server.port=0", "--hub.fhir.embedded.enabled=true", "--hub.fhir.embedded.store-dir=" + store);
    }

    private static IGenericClient client(ConfigurableApplicationContext context) {
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        return context.getBean(FhirContext.class).newRestfulGenericClient("http://localhost:" + port + "/fhir");
    }
}
