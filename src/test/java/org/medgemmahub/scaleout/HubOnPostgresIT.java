package org.medgemmahub.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medgemmahub.dicom.Dcmtk;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.MllpConnection;
import org.medgemmahub.support.TemporaryPostgres;

/**
 * The hub on PostgreSQL as the README configures it: it starts, a message's claims land in Postgres, and a DICOM
 * series is grouped there and leaves its tables once its request is queued.
 */
class HubOnPostgresIT {
    static final String SAMPLES_SYSTEM = "https://medgemma-hub.org/fhir/sid/assigning-authority/MEDGEMMA-HUB-SAMPLES";

    @Test
    void runsOnPostgresWithThePostgresSchemaAndRecordsItsClaimsAndSeriesThere() throws Exception {
        Dcmtk.require();
        try (TemporaryPostgres postgres = TemporaryPostgres.start()) {
            HubTestSettings settings = new HubTestSettings();
            try (HubJvm hub = HubJvm.fromClasspath(settings, Map.of(
                    "spring.datasource.url", postgres.url(),
                    "spring.datasource.username", "postgres",
                    "spring.sql.init.schema-locations", "classpath:db/schema-postgresql.sql",
                    "hub.dicom.series-quiet-period", "2s"))) {
                Hl7Messages message = Hl7Messages.uniqueOru();
                try (MllpConnection connection = new MllpConnection(settings.hl7Port)) {
                    assertThat(MllpConnection.ackCode(connection.send(message.er7))).isEqualTo("AA");
                }
                FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
                await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                        .until(() -> fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, message.mrn).size() == 1);
                await().atMost(Duration.ofSeconds(30)).until(() -> completedClaims(postgres) == 2);

                for (String slice : List.of("ct-slice-1.dcm", "ct-slice-2.dcm", "ct-slice-3.dcm")) {
                    Dcmtk.Result store = Dcmtk.run("storescu", "-aet", "CT_SCANNER", "-aec", "MEDGEMMA", "127.0.0.1",
                            String.valueOf(settings.dicomPort), DicomSamples.named(slice).toString());
                    assertThat(store.exitCode()).as(store.output()).isZero();
                }
                await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                        .until(() -> fhir.observationsFor(SAMPLES_SYSTEM, "SAMPLE001").size() == 1);
                await().atMost(Duration.ofSeconds(30)).until(() -> count(postgres, "SELECT COUNT(*) FROM hub_series") == 0
                        && count(postgres, "SELECT COUNT(*) FROM hub_series_instances") == 0);
            }
        }
    }

    /** Completed claims in Postgres: the model call and the FHIR write of the one message. */
    private static int completedClaims(TemporaryPostgres postgres) throws Exception {
        return count(postgres, "SELECT COUNT(*) FROM hub_message_claims WHERE completed_at IS NOT NULL");
    }

    private static int count(TemporaryPostgres postgres, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.url(), "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
