package org.medgemmahub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.medgemmahub.dicom.Dcmtk;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.fhir.FhirResourceValidator;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DICOM end to end: a CT series pushed with DCMTK's storescu, slices out of order and one sent twice, becomes one
 * stable series, one request and exactly one valid Observation derived from the study; the spool is freed.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DicomSeriesToObservationRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final String SAMPLES_SYSTEM = "https://medgemma-hub.org/fhir/sid/assigning-authority/MEDGEMMA-HUB-SAMPLES";
    static final String CT_STUDY = "1.2.826.0.1.3680043.10.1413.1.1";

    @DynamicPropertySource
    static void hubWithAShortQuietPeriod(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("hub.dicom.series-quiet-period", () -> "2s");
    }

    @Autowired FhirResourceValidator validator;

    @Test
    void turnsAStableCtSeriesIntoExactlyOneValidObservationDerivedFromTheStudy() throws Exception {
        Dcmtk.require();
        Listening.awaitPort(HUB.dicomPort);
        List<String> slices = Stream.of("ct-slice-4.dcm", "ct-slice-1.dcm", "ct-slice-5.dcm", "ct-slice-3.dcm", "ct-slice-2.dcm",
                "ct-slice-4.dcm").map(name -> DicomSamples.named(name).toString()).toList();

        for (String slice : slices) {
            Dcmtk.Result store = Dcmtk.run("storescu", "-aet", "CT_SCANNER", "-aec", "MEDGEMMA", "127.0.0.1",
                    String.valueOf(HUB.dicomPort), slice);
            assertThat(store.exitCode()).as(store.output()).isZero();
        }

        FhirTestClient fhir = new FhirTestClient(HUB.fhirBase());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> fhir.observationsFor(SAMPLES_SYSTEM, "SAMPLE001").size() == 1);
        Observation observation = fhir.observationsFor(SAMPLES_SYSTEM, "SAMPLE001").get(0);
        assertThat(validator.problems(observation)).isEmpty();
        assertThat(observation.getDerivedFromFirstRep().getType()).isEqualTo("ImagingStudy");
        assertThat(observation.getDerivedFromFirstRep().getIdentifier().getValue()).isEqualTo("urn:oid:" + CT_STUDY);
        assertThat(observation.getBasedOnFirstRep().getIdentifier().getValue()).isEqualTo("ACC0001");
        assertThat(observation.getCode().getText()).contains("image-findings-ct");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spooledFiles()).isEmpty());
        // a second quiet period passes without a second Observation
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(fhir.observationsFor(SAMPLES_SYSTEM, "SAMPLE001")).hasSize(1));
    }

    private static List<Path> spooledFiles() throws Exception {
        Path incoming = HUB.dataDir.resolve("dicom/spool/incoming");
        try (Stream<Path> files = Files.walk(incoming)) {
            return files.filter(f -> f.toString().endsWith(".dcm")).toList();
        }
    }
}
