package org.medgemmahub.medgemma;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every call to the model server, queued and interactive, as {@code hub.model.latency{backend, outcome}}
 * (a histogram in Prometheus: {@code hub_model_latency_seconds_bucket}); outcome is {@code success},
 * {@code unavailable} (will be retried) or {@code rejected}.
 */
final class TimedModelBackend implements ModelBackend {
    private final ModelBackend backend;
    private final MeterRegistry registry;

    TimedModelBackend(ModelBackend backend, MeterRegistry registry) {
        this.backend = backend;
        this.registry = registry;
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public ModelReply generate(ModelPrompt prompt) {
        long started = System.nanoTime();
        String outcome = "success";
        try {
            return backend.generate(prompt);
        } catch (ModelUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } catch (RuntimeException e) {
            outcome = "rejected";
            throw e;
        } finally {
            Timer.builder("hub.model.latency").description("model server calls, from request to answer or failure")
                    .tag("backend", backend.name()).tag("outcome", outcome).publishPercentileHistogram()
                    .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
