package org.medgemmahub.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashSet;
import java.util.Set;
import org.medgemmahub.pipeline.broker.QueueDepths;
import org.springframework.stereotype.Component;

/**
 * {@code hub.queue.depth{queue=...}}: messages waiting on each of the hub's queues and dead-letter queues, read from
 * the embedded broker or an external broker's management address (NaN while it cannot be read). A growing requests queue means the model is the
 * bottleneck or down; anything on a {@code .dlq} needs an operator.
 */
@Component
class QueueDepthMetrics implements MeterBinder {
    private final QueueDepths depths;
    private final Set<String> queues = new LinkedHashSet<>();

    QueueDepthMetrics(QueueDepths depths, QueueProperties names) {
        this.depths = depths;
        queues.add(names.requests());
        queues.add(names.results());
        queues.add(names.hl7Rejected());
        queues.addAll(names.deadLetterOrigins().keySet());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : queues) {
            Gauge.builder("hub.queue.depth", () -> depth(queue)).tag("queue", queue)
                    .description("messages waiting on a hub queue").register(registry);
        }
    }

    private double depth(String name) {
        long depth = depths.depth(name);
        return depth < 0 ? Double.NaN : depth;
    }
}
