package org.medgemmahub.medgemma;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When to try a failed model call again. Fast phase: {@code retry-backoff^attempt} seconds, at most
 * {@code max-wait}, for {@code max-retries} attempts (longer while a cold start is within {@code cold-start-timeout}).
 * Slow phase: the delay keeps growing up to {@code redelivery-max-delay} until {@code redelivery-window} has passed
 * since the first attempt; then the request is dead-lettered. A server's Retry-After is honoured; up to 10% jitter
 * spreads retries of a burst. The broker holds the message meanwhile, so no thread waits.
 */
@Component("modelRetryPolicy")
public class ModelRetryPolicy {
    private static final Logger log = LoggerFactory.getLogger(ModelRetryPolicy.class);
    private static final int GENERATION_ERROR_MAX_RETRIES = 2;

    private final MedGemmaProperties properties;
    private final Clock clock;

    @Autowired
    public ModelRetryPolicy(MedGemmaProperties properties) {
        this(properties, Clock.systemUTC());
    }

    ModelRetryPolicy(MedGemmaProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param attempt        number of the attempt that just failed (null: the first)
     * @param firstAttemptAt epoch millis of the first attempt (null: this one was the first)
     * @param failure        what went wrong
     */
    public RetryDecision decide(Integer attempt, Long firstAttemptAt, Throwable failure) {
        int failed = attempt == null ? 1 : attempt;
        long now = clock.millis();
        long first = firstAttemptAt == null ? now : firstAttemptAt;
        ModelUnavailableException unavailable = unavailableCause(failure);
        if (unavailable == null) {
            return deadLetter(failed, first, now, failure.getMessage());
        }
        String reason = unavailable.getMessage();
        if (unavailable.status() == 424 && failed > GENERATION_ERROR_MAX_RETRIES) {
            return deadLetter(failed, first, now, reason + " (generation error, retried " + GENERATION_ERROR_MAX_RETRIES + " times)");
        }
        long windowEnd = first + properties.redeliveryWindow().toMillis();
        if (now >= windowEnd) {
            return deadLetter(failed, first, now, reason + " (still failing after " + properties.redeliveryWindow() + ")");
        }
        long delay = delayAfter(failed, now - first, unavailable);
        long deliverAt = Math.min(now + delay, windowEnd);
        log.warn("request model call attempt {} failed: {}; retry {} in {} ms", failed, unavailable.code(), failed + 1, deliverAt - now);
        return new RetryDecision(true, failed + 1, first, deliverAt, reason);
    }

    long delayAfter(int failedAttempt, long elapsedMillis, ModelUnavailableException failure) {
        long maxWait = properties.maxWait().toMillis();
        boolean coldStartWindow = failure.warmingUp() && elapsedMillis < properties.coldStartTimeout().toMillis();
        long delay;
        if (failedAttempt <= properties.maxRetries() || coldStartWindow) {
            delay = Math.min(secondsToMillis(Math.pow(properties.retryBackoff(), Math.min(failedAttempt, 30))), maxWait);
        } else {
            double growth = Math.pow(properties.retryBackoff(), Math.min(failedAttempt - properties.maxRetries(), 30));
            delay = Math.min((long) (maxWait * growth), properties.redeliveryMaxDelay().toMillis());
        }
        Duration retryAfter = failure.retryAfter();
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(retryAfter.toMillis(), properties.redeliveryMaxDelay().toMillis()));
        }
        return delay + ThreadLocalRandom.current().nextLong(delay / 10 + 1);
    }

    private static ModelUnavailableException unavailableCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ModelUnavailableException unavailable) return unavailable;
        }
        return null;
    }

    private RetryDecision deadLetter(int failed, long first, long now, String reason) {
        return new RetryDecision(false, failed, first, now, reason);
    }

    private static long secondsToMillis(double seconds) {
        return (long) Math.min(seconds * 1000, Long.MAX_VALUE / 2);
    }
}
