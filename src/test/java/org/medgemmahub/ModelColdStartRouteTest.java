package org.medgemmahub;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HapiHl7Client;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.SimulatorControlClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A model server that answers 503 for its first seconds (HF endpoint scaling up from zero), spoken to with the TGI
 * API: the EHR gets its AA at once, and the Observation arrives once the model is awake, exactly once.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ModelColdStartRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final HapiHl7Client HL7 = new HapiHl7Client(HUB.hl7Port);

    @DynamicPropertySource
    static void coldTgiSimulator(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medgemma.api", () -> "tgi");
        registry.add("medgemma.base-url", HUB::simulatorBase);
        // no X-Scale-Up-Timeout: the endpoint answers 503 while cold and the broker redelivers (the hold is unit-tested)
        registry.add("medgemma.scale-up-timeout", () -> "0");
    }

    @BeforeEach
    void mllpListening() {
        Listening.awaitPort(HUB.hl7Port);
    }

    @AfterAll
    static void closeClient() throws Exception {
        HL7.close();
    }

    @Test
    void acknowledgesAtOnceAndWritesTheObservationOnceAfterTheModelWakes() throws Exception {
        SimulatorControlClient simulator = new SimulatorControlClient(HUB.simulatorBase());
        FhirTestClient fhir = new FhirTestClient(HUB.fhirBase());
        Hl7Messages oru = Hl7Messages.uniqueOru();
        // the cold window opens now, not at start-up, so a slow start of the hub cannot close it early
        simulator.change("{\"coldStartSeconds\": 15}");

        assertThat(HapiHl7Client.ackCode(HL7.send(oru.er7))).isEqualTo("AA");
        assertThat(simulator.state().path("loading").asBoolean()).as("model still cold when the AA came").isTrue();

        await().atMost(60, SECONDS).ignoreExceptions().pollInterval(250, MILLISECONDS)
                .untilAsserted(() -> assertThat(fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, oru.mrn)).hasSize(1));
        assertThat(simulator.failures(503)).as("calls refused while cold").isPositive();
        assertThat(simulator.succeeded()).isEqualTo(1);
        assertThat(fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, oru.mrn)).hasSize(1);
    }
}
