package org.medgemmahub.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code hub.queue.depth{queue=...}}: messages waiting on each of the hub's queues and dead-letter queues, read from
 * the embedded broker (an external broker exports its own figures). A growing requests queue means the model is the
 * bottleneck or down; anything on a {@code .dlq} needs an operator.
 */
@Component
class QueueDepthMetrics implements MeterBinder {
    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final Set<String> queues = new LinkedHashSet<>();

    QueueDepthMetrics(ObjectProvider<EmbeddedActiveMQ> broker, QueueProperties names) {
        this.broker = broker;
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
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        if (embedded == null || embedded.getActiveMQServer() == null) return Double.NaN;
        Queue queue = embedded.getActiveMQServer().locateQueue(SimpleString.of(name));
        return queue == null ? Double.NaN : queue.getMessageCount();
    }
}
