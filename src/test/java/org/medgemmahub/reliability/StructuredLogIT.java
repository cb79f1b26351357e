package org.medgemmahub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.MllpConnection;

/**
 * With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} the hub writes one JSON object per line, and every line logged
 * while a message is routed carries the hub request id, so one report can be followed from the MLLP listener through
 * the model call to the FHIR write by a log search on one field.
 */
class StructuredLogIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonLogLinesCarryTheRequestIdFromIntakeToTheFhirWrite() throws Exception {
        HubTestSettings settings = new HubTestSettings();
        String mrn = "LOG" + System.nanoTime();
        try (HubJvm hub = HubJvm.fromClasspath(settings, Map.of("logging.structured.format.console", "ecs"));
             MllpConnection hl7 = new MllpConnection(settings.hl7Port)) {
            assertThat(MllpConnection.ackCode(hl7.send(oru(mrn)))).isEqualTo("AA");
            FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                    .until(() -> fhir.observationsFor(CrashMessages.PATIENT_SYSTEM, mrn).size() == 1);
            hub.close();

            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(hub.log())) {
                if (line.startsWith("{")) lines.add(JSON.readTree(line));
            }
            assertThat(lines).as("the hub logs JSON lines").isNotEmpty();
            Set<String> requestIds = lines.stream()
                    .filter(line -> "hl7-inbound".equals(line.path("camel").path("routeId").asText()))
                    .map(line -> line.path("HubRequestId").asText()).filter(id -> !id.isEmpty())
                    .collect(Collectors.toSet());
            assertThat(requestIds).as("one request queued from the ORU").hasSize(1);
            String requestId = requestIds.iterator().next();
            Set<String> routes = lines.stream().filter(line -> requestId.equals(line.path("HubRequestId").asText()))
                    .map(line -> line.path("camel").path("routeId").asText()).collect(Collectors.toSet());
            assertThat(routes).contains("hl7-inbound", "medgemma-infer", "fhir-write");
        }
    }

    private static String oru(String mrn) {
        return "MSH|^~\\&|RIS|RADIOLOGY|HUB|HOSP|20261203101500||ORU^R01^ORU_R01|LOG-" + mrn + "|P|2.5.1\r"
                + "PID|1||" + mrn + "^^^HOSP&1.2.840.99999.1.1&ISO^MR||DOE^ALEX||19700101|F\r"
                + "OBR|1|PL1|ACC-" + mrn + "|36643-5^XR Chest 2 views^LN\r"
                + "OBX|1|TX|18782-3^Findings^LN||Right lower lobe consolidation.||||||F\r";
    }
}
