package org.medgemmahub.medgemma;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects the model server, for queued and interactive calls alike: at most {@code medgemma.concurrency} calls in
 * flight from this hub, and a circuit breaker (resilience4j) that stops calling a server that keeps failing.
 * Only "unavailable" failures count against the server; a rejected request is the request's fault. A call the
 * breaker or the limit turns away is a {@link ModelUnavailableException}, so a queued request is rescheduled by the
 * broker, never dropped, and an interactive one gets a 503.
 */
public class ModelCallGuard {
    private static final Logger log = LoggerFactory.getLogger(ModelCallGuard.class);

    private final ModelBackend backend;
    private final Semaphore permits;
    private final Duration permitWait;
    private final CircuitBreaker breaker;
    private final Duration openDuration;

    ModelCallGuard(ModelBackend backend, MedGemmaProperties properties) {
        this.backend = backend;
        this.permits = new Semaphore(properties.concurrency(), true);
        this.permitWait = properties.timeout();
        MedGemmaProperties.CircuitBreaker settings = properties.circuitBreaker();
        this.openDuration = settings.openDuration();
        this.breaker = CircuitBreaker.of("medgemma", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(settings.minimumCalls())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(ModelUnavailableException.class)
                .ignoreExceptions(ModelRequestRejectedException.class)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("MedGemma circuit breaker {} (MODEL-CIRCUIT)", event.getStateTransition()));
    }

    public String backendName() {
        return backend.name();
    }

    /** One model call through the limit and the breaker. */
    public ModelReply call(ModelPrompt prompt) {
        acquire();
        try {
            return breaker.executeSupplier(() -> backend.generate(prompt));
        } catch (CallNotPermittedException e) {
            throw new ModelUnavailableException("MODEL-CIRCUIT-OPEN", 0, "the model server failed too often; calls paused for "
                    + openDuration.toSeconds() + " s", openDuration, false, null);
        } finally {
            permits.release();
        }
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    public String circuitState() {
        return breaker.getState().name();
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(permitWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ModelUnavailableException("MODEL-BUSY", 0, "all model call slots stayed busy for "
                        + permitWait.toSeconds() + " s", null, false, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("MODEL-INTERRUPTED", 0, "interrupted waiting for a model call slot", null, false, e);
        }
    }
}
