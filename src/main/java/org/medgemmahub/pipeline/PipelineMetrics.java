package org.medgemmahub.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Counters the routes feed at their decision points, for an operator watching an outage in Prometheus:
 * {@code hub.model.retries{code}} (a failed model call rescheduled by the broker), {@code hub.dead.letters{queue, code}}
 * (a message given up on), {@code hub.fhir.write.redeliveries} (a results message delivered again after a failed FHIR
 * write). The {@code code} tag is the stable failure code at the start of the reason ({@code MODEL-503}), so the
 * number of series stays small whatever the reason's text.
 */
@Component("pipelineMetrics")
public class PipelineMetrics {
    private static final Pattern CODE = Pattern.compile("^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)");

    private final MeterRegistry registry;
    private final Counter fhirRedeliveries;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.fhirRedeliveries = Counter.builder("hub.fhir.write.redeliveries")
                .description("results messages delivered again after a failed FHIR write (FHIR server down or refusing)")
                .register(registry);
    }

    /** A failed model call that the broker will deliver again later. */
    public void modelRetry(String reason) {
        Counter.builder("hub.model.retries").description("failed model calls rescheduled for another attempt")
                .tag("code", code(reason)).register(registry).increment();
    }

    /** A message moved to {@code queue} (a dead-letter queue) with {@code reason}. */
    public void deadLettered(String queue, String reason) {
        Counter.builder("hub.dead.letters").description("messages moved to a dead-letter queue")
                .tag("queue", queue).tag("code", code(reason)).register(registry).increment();
    }

    /** Called for every results message the FHIR writer takes; counts the redelivered ones. */
    public void fhirWriteDelivery(Boolean redelivered) {
        if (Boolean.TRUE.equals(redelivered)) fhirRedeliveries.increment();
    }

    /** The stable code a reason starts with ({@code MODEL-503: ...} gives {@code MODEL-503}), else {@code OTHER}. */
    static String code(String reason) {
        if (reason == null) return "OTHER";
        Matcher matcher = CODE.matcher(reason);
        return matcher.find() ? matcher.group(1) : "OTHER";
    }
}
