package org.medgemmahub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.medgemmahub.hl7.Hl7Fixtures;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.Hl7Mutator;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.MllpConnection;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Seeded HL7 fuzzing over a real MLLP socket: every mutated message gets an acknowledgement (AA for the few that stay
 * valid, AE or AR with ERR otherwise; a frame too short to hold "MSH|" gets its connection closed), the listener keeps
 * serving, and a valid message afterwards still gets AA.
 * 10,000 cases by default (about a minute here); {@code -Dfuzz.hl7.cases=N} for another count, {@code -Dfuzz.seed=N}
 * to replay.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class Hl7FuzzRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    private static final int CASES = Integer.getInteger("fuzz.hl7.cases", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 7_2026L);

    @DynamicPropertySource
    static void hubWithoutModelCalls(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medgemma.enabled", () -> "false");
    }

    @Test
    void answersEveryMutatedMessageAndKeepsServing() throws Exception {
        Listening.awaitPort(HUB.hl7Port);
        Hl7Mutator mutator = new Hl7Mutator(SEED, Hl7Fixtures.oruWithTwoTxObx());
        Map<String, Integer> answers = new TreeMap<>();
        MllpConnection connection = new MllpConnection(HUB.hl7Port);
        try {
            for (int i = 0; i < CASES; i++) {
                byte[] mutated = mutator.next();
                String ack;
                try {
                    ack = connection.send(new String(mutated, StandardCharsets.ISO_8859_1));
                } catch (IOException closed) {
                    connection.close();
                    connection = new MllpConnection(HUB.hl7Port);
                    // camel-mllp 4.17 reads MSH-1 at byte 3 of the received frame before sending any ACK, so a frame
                    // of fewer than 4 bytes (it cannot hold "MSH|") ends in a closed connection instead of an AR
                    assertThat(mutated.length).as("fuzz case %d (seed %d) closed the connection", i, SEED).isLessThan(4);
                    answers.merge("closed", 1, Integer::sum);
                    continue;
                }
                String code = MllpConnection.ackCode(ack);
                assertThat(code).as("answer to fuzz case %d (seed %d)", i, SEED).isIn("AA", "AE", "AR");
                if (!code.equals("AA")) assertThat(ack).as("case %d carries an ERR segment", i).contains("\rERR|");
                answers.merge(code, 1, Integer::sum);
            }
            assertThat(MllpConnection.ackCode(connection.send(Hl7Messages.uniqueOru().er7))).isEqualTo("AA");
        } finally {
            connection.close();
        }
        System.out.printf("HL7 fuzz: %d cases (seed %d), answers %s, listener still serving%n", CASES, SEED, answers);
        assertThat(answers.getOrDefault("AR", 0) + answers.getOrDefault("AE", 0)).isGreaterThan(CASES / 2);
    }
}
