package org.medgemmahub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    @Test
    void countsModelRetriesByTheReasonsStableCode() {
        metrics.modelRetry("MODEL-503: the model is loading (estimated_time 20 s)");
        metrics.modelRetry("MODEL-503: the model is loading (estimated_time 12 s)");
        metrics.modelRetry("MODEL-CIRCUIT-OPEN: the model server failed too often");

        assertThat(registry.get("hub.model.retries").tag("code", "MODEL-503").counter().count()).isEqualTo(2);
        assertThat(registry.get("hub.model.retries").tag("code", "MODEL-CIRCUIT-OPEN").counter().count()).isEqualTo(1);
    }

    @Test
    void countsDeadLettersPerQueueAndCodeWithOtherForAReasonWithoutCode() {
        metrics.deadLettered("hub.inference.requests.dlq", "MODEL-404: chat route not found");
        metrics.deadLettered("hub.inference.results.dlq", "something without a code");
        metrics.deadLettered("hub.inference.results.dlq", null);

        assertThat(registry.get("hub.dead.letters").tags("queue", "hub.inference.requests.dlq", "code", "MODEL-404").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("hub.dead.letters").tags("queue", "hub.inference.results.dlq", "code", "OTHER").counter().count())
                .isEqualTo(2);
    }

    @Test
    void countsOnlyRedeliveredResultsAsFhirWriteRedeliveries() {
        metrics.fhirWriteDelivery(false);
        metrics.fhirWriteDelivery(null);
        metrics.fhirWriteDelivery(true);

        assertThat(registry.get("hub.fhir.write.redeliveries").counter().count()).isEqualTo(1);
    }
}
