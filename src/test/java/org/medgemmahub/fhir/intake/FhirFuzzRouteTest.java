package org.medgemmahub.fhir.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.medgemmahub.HubApplication;
import org.medgemmahub.support.HubTestSettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Seeded fuzzing of the FHIR intake over real HTTP: mutated DiagnosticReport bodies (byte flips, truncation, wrong
 * resource types, huge and deeply nested values, binary, XML garbage) each get 202 (still valid) or a 4xx with an
 * OperationOutcome, never a server error or a stack trace, and a valid report afterwards is still accepted.
 * 1,000 cases by default; {@code -Dfuzz.fhir.cases=N}, {@code -Dfuzz.seed=N}.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FhirFuzzRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    private static final int CASES = Integer.getInteger("fuzz.fhir.cases", 1000);
    private static final long SEED = Long.getLong("fuzz.seed", 7_2026L);

    @DynamicPropertySource
    static void hubWithoutModelCalls(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medgemma.enabled", () -> "false");
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersEveryMutatedReportWithAcceptedOrAnOperationOutcome() throws Exception {
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            String valid = FhirContext.forR4Cached().newJsonParser()
                    .encodeResourceToString(IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn()));
            byte[] body = mutate(random, valid);
            HttpResponse<String> response = post(body, random.nextInt(10) == 0 ? "application/fhir+xml" : "application/fhir+json");
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            assertThat(status).as("fuzz case %d (seed %d): %s", i, SEED, response.body()).isIn(202, 400, 404, 405, 413, 415, 422);
            if (status != 202) {
                assertThat(response.body()).as("case %d", i).contains("OperationOutcome").doesNotContain("\tat ");
            }
        }
        String valid = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn()));
        assertThat(post(valid.getBytes(StandardCharsets.UTF_8), "application/fhir+json").statusCode()).isEqualTo(202);
        System.out.printf("FHIR fuzz: %d cases (seed %d), statuses %s, intake still serving%n", CASES, SEED, statuses);
    }

    private static byte[] mutate(Random random, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(8)) {
            case 0 -> flip(random, bytes.clone(), 1 + random.nextInt(12));
            case 1 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> json.replace("\"DiagnosticReport\"", "\"" + pick(random, "Patient", "Observation", "Bundle", "Nope", "") + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            case 3 -> json.replace("\"final\"", "\"" + "x".repeat(random.nextInt(200_000)) + "\"").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"resourceType\":\"DiagnosticReport\",\"extension\":" + "[{\"extension\":".repeat(500)
                    + "[]" + "}]".repeat(500) + "}").getBytes(StandardCharsets.UTF_8);
            case 5 -> {
                byte[] binary = new byte[random.nextInt(4096)];
                random.nextBytes(binary);
                yield binary;
            }
            case 6 -> ("<DiagnosticReport xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/><code>" + "<".repeat(random.nextInt(50)))
                    .getBytes(StandardCharsets.UTF_8);
            default -> json.replaceAll("\"(subject|code|status)\"", "\"" + pick(random, "subjekt", "c0de", "stat") + "\"")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] flip(Random random, byte[] bytes, int flips) {
        for (int i = 0; i < flips; i++) bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        return bytes;
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(HUB.fhirBase() + "/DiagnosticReport"))
                .header("Content-Type", contentType).header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
