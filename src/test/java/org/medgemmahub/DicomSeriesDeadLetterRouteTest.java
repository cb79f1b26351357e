package org.medgemmahub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.Dcmtk;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.pipeline.DeadLetter;
import org.medgemmahub.pipeline.DeadLetters;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A stable DICOM series that cannot be rendered (its spooled files went missing) is tried again, then dead-lettered
 * with its members and leaves the series tables; once the files are back, a replay groups it again and it becomes
 * its Observation.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DicomSeriesDeadLetterRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final String DEAD_LETTERS = "hub.dicom.instances.dlq";
    static final String SAMPLES_SYSTEM = "https://medgemma-hub.org/fhir/sid/assigning-authority/MEDGEMMA-HUB-SAMPLES";

    @DynamicPropertySource
    static void hubRetryingQuickly(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("hub.dicom.series-quiet-period", () -> "1s");
        registry.add("hub.dicom.series-check-interval", () -> "200ms");
        registry.add("hub.dicom.series-retry-pause", () -> "100ms");
    }

    @Autowired DeadLetters deadLetters;
    @Autowired JdbcTemplate database;
    @TempDir Path aside;

    @Test
    void deadLettersASeriesThatCannotBeRenderedAfterItsAttemptsAndMakesItsObservationWhenReplayed() throws Exception {
        Dcmtk.require();
        Listening.awaitPort(HUB.dicomPort);
        for (String slice : List.of("ct-slice-1.dcm", "ct-slice-2.dcm", "ct-slice-3.dcm")) {
            Dcmtk.Result store = Dcmtk.run("storescu", "-aet", "CT_SCANNER", "-aec", "MEDGEMMA", "127.0.0.1",
                    String.valueOf(HUB.dicomPort), DicomSamples.named(slice).toString());
            assertThat(store.exitCode()).as(store.output()).isZero();
        }
        // the hub took the three instances into the series and released their pending markers; now their files go
        await().atMost(Duration.ofSeconds(10)).until(() -> rows("hub_series_instances") == 3 && spooled(".pending").isEmpty());
        List<Path> files = spooled(".dcm");
        for (Path file : files) Files.move(file, aside.resolve(file.getFileName()));

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.list(DEAD_LETTERS).size() == 1);
        DeadLetter letter = deadLetters.list(DEAD_LETTERS).get(0);
        assertThat(letter.sourceKind()).isEqualTo("DICOM");
        assertThat(letter.attempts()).isEqualTo(6);
        assertThat(letter.reason()).startsWith("DICOM-SERIES-FAILED:");
        assertThat(rows("hub_series")).isZero();
        assertThat(rows("hub_series_instances")).isZero();

        for (Path file : files) Files.move(aside.resolve(file.getFileName()), file);
        assertThat(deadLetters.replayAll(DEAD_LETTERS)).isEqualTo(1);

        FhirTestClient fhir = new FhirTestClient(HUB.fhirBase());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> fhir.observationsFor(SAMPLES_SYSTEM, "SAMPLE001").size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spooled(".dcm")).isEmpty());
        assertThat(rows("hub_series")).isZero();
    }

    private int rows(String table) {
        Integer count = database.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return count == null ? 0 : count;
    }

    private static List<Path> spooled(String suffix) throws Exception {
        Path incoming = HUB.dataDir.resolve("dicom/spool/incoming");
        if (!Files.exists(incoming)) return List.of();
        try (Stream<Path> files = Files.walk(incoming)) {
            return files.filter(f -> f.toString().endsWith(suffix)).toList();
        }
    }
}
