package org.medgemmahub.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.MllpConnection;
import org.medgemmahub.support.TemporaryPostgres;

/** The hub on PostgreSQL as the README configures it: it starts, and a message's claims land in Postgres. */
class HubOnPostgresIT {
    @Test
    void runsOnPostgresWithThePostgresSchemaAndRecordsItsClaimsThere() throws Exception {
        try (TemporaryPostgres postgres = TemporaryPostgres.start()) {
            HubTestSettings settings = new HubTestSettings();
            try (HubJvm hub = HubJvm.fromClasspath(settings, Map.of(
                    "spring.datasource.url", postgres.url(),
                    "spring.datasource.username", "postgres",
                    "spring.sql.init.schema-locations", "classpath:db/schema-postgresql.sql"))) {
                Hl7Messages message = Hl7Messages.uniqueOru();
                try (MllpConnection connection = new MllpConnection(settings.hl7Port)) {
                    assertThat(MllpConnection.ackCode(connection.send(message.er7))).isEqualTo("AA");
                }
                FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
                await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                        .until(() -> fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, message.mrn).size() == 1);
                await().atMost(Duration.ofSeconds(30)).until(() -> completedClaims(postgres) == 2);
            }
        }
    }

    /** Completed claims in Postgres: the model call and the FHIR write of the one message. */
    private static int completedClaims(TemporaryPostgres postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.url(), "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM hub_message_claims WHERE completed_at IS NOT NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
