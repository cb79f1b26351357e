package org.medgemmahub;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HapiHl7Client;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.RunningHub;
import org.medgemmahub.support.SimulatorControlClient;

/** What the hub acknowledged survives a stop before the model answered: after a restart the Observation arrives once. */
class HubRestartTest {

    @Test
    void writesTheObservationOnceAfterAStopBetweenAckAndModelAnswer() throws Exception {
        HubTestSettings settings = new HubTestSettings();
        Hl7Messages oru = Hl7Messages.uniqueOru();
        SimulatorControlClient simulator = new SimulatorControlClient(settings.simulatorBase());

        try (RunningHub hub = RunningHub.start(settings, Map.of("hub.simulator.cold-start", "1h"));
             HapiHl7Client hl7 = new HapiHl7Client(settings.hl7Port)) {
            assertThat(HapiHl7Client.ackCode(hl7.send(oru.er7))).isEqualTo("AA");
            await().atMost(30, SECONDS).pollInterval(100, MILLISECONDS)
                    .untilAsserted(() -> assertThat(simulator.failures(503)).as("the model was asked and was still cold").isPositive());
        }

        try (RunningHub hub = RunningHub.start(settings, Map.of("hub.simulator.cold-start", "0s"))) {
            FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
            await().atMost(60, SECONDS).ignoreExceptions().pollInterval(250, MILLISECONDS)
                    .untilAsserted(() -> assertThat(fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, oru.mrn)).hasSize(1));
            assertThat(simulator.succeeded()).isEqualTo(1);
        }

        try (RunningHub hub = RunningHub.start(settings, Map.of())) {
            FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
            assertThat(fhir.observationsFor(Hl7Messages.PATIENT_SYSTEM, oru.mrn)).as("kept across a second restart").hasSize(1);
        }
    }
}
