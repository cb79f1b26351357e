package org.medgemmahub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.MllpConnection;
import org.medgemmahub.support.MllpTestClient;

/**
 * Runs flows carrying a recognisable patient name, report phrase and model token through a hub in its own JVM, with
 * the hub's own loggers at DEBUG, and scans everything it logged: none of them may appear.
 */
class LogPrivacyIT {
    private static final String FAMILY = "ZZPRIVACYFAMILY";
    private static final String GIVEN = "ZZPRIVACYGIVEN";
    private static final String PHRASE = "ZZPRIVACYPHRASE";
    private static final String TOKEN = "hf_ZZPRIVACYTOKEN0123456789";

    @Test
    void logsNeitherPatientNamesNorReportTextNorTokens() throws Exception {
        HubTestSettings settings = new HubTestSettings();
        String mrn = "PRIV" + System.nanoTime();
        Map<String, String> secrets = Map.of("medgemma.token", TOKEN, "hub.simulator.api-key", TOKEN,
                "logging.level.org.medgemmahub", "DEBUG");
        try (HubJvm hub = HubJvm.fromClasspath(settings, secrets); MllpConnection hl7 = new MllpConnection(settings.hl7Port)) {
            assertThat(MllpConnection.ackCode(hl7.send(oru("PRIV-1", mrn, "ORU^R01^ORU_R01")))).isEqualTo("AA");
            assertThat(MllpConnection.ackCode(hl7.send(oru("PRIV-2", mrn, "ADT^A01^ADT_A01")))).isEqualTo("AE");
            assertThat(MllpConnection.ackCode(MllpTestClient.send(settings.hl7Port,
                    "PID|1||" + mrn + "||" + FAMILY + "^" + GIVEN + "\rOBX|1|TX|||" + PHRASE + "\r"))).isEqualTo("AR");
            FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                    .until(() -> fhir.observationsFor(CrashMessages.PATIENT_SYSTEM, mrn).size() == 1);
            hub.close();

            String log = Files.readString(hub.log());
            assertThat(log).as("the hub logged its work").contains("PRIV-1");
            assertThat(log).doesNotContain(FAMILY).doesNotContain(GIVEN).doesNotContain(PHRASE).doesNotContain(TOKEN);
        }
    }

    private static String oru(String controlId, String mrn, String type) {
        return "MSH|^~\\&|RIS|RADIOLOGY|HUB|HOSP|20261203101500||" + type + "|" + controlId + "|P|2.5.1\r"
                + "PID|1||" + mrn + "^^^HOSP&1.2.840.99999.1.1&ISO^MR||" + FAMILY + "^" + GIVEN + "||19700101|F\r"
                + "OBR|1|PL1|ACC-" + controlId + "|36643-5^XR Chest 2 views^LN\r"
                + "OBX|1|TX|18782-3^Findings^LN||" + PHRASE + " right lower lobe consolidation.||||||F\r";
    }
}
