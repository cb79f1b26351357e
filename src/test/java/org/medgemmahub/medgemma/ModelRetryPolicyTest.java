package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelRetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final ModelRetryPolicy policy = new ModelRetryPolicy(MedGemmaFixtures.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static ModelUnavailableException unavailable(int status) {
        return new ModelUnavailableException("MODEL-" + status, status, "HTTP " + status, null, status == 503, null);
    }

    @Test
    void retriesTheFirstFailureAfterTwoSecondsPlusJitter() {
        RetryDecision decision = policy.decide(null, null, unavailable(500));

        assertThat(decision.retry()).isTrue();
        assertThat(decision.nextAttempt()).isEqualTo(2);
        assertThat(decision.firstAttemptAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(decision.deliverAt() - NOW.toEpochMilli()).isBetween(2000L, 2200L);
        assertThat(decision.reason()).isEqualTo("MODEL-500: HTTP 500");
    }

    @Test
    void growsTheDelayExponentiallyUpToMaxWaitWithinTheRetryBudget() {
        long first = NOW.toEpochMilli() - 1000;
        assertThat(delay(policy.decide(3, first, unavailable(500)))).isBetween(8000L, 8800L);
        assertThat(delay(policy.decide(5, first, unavailable(500)))).isBetween(32000L, 35200L);
        assertThat(delay(policy.decide(6, first, unavailable(500)))).isBetween(60000L, 66000L);
    }

    @Test
    void keepsRetryingBeyondTheBudgetWithGrowingDelayCappedAtTheMaxDelay() {
        long anHourAgo = NOW.minus(Duration.ofHours(1)).toEpochMilli();
        assertThat(delay(policy.decide(7, anHourAgo, unavailable(503)))).isBetween(120_000L, 132_000L);
        assertThat(delay(policy.decide(20, anHourAgo, unavailable(503)))).isBetween(1_800_000L, 1_980_000L);
    }

    @Test
    void findsTheModelFailureInsideAWrappingException() {
        RetryDecision decision = policy.decide(1, null, new RuntimeException("bean call failed", unavailable(503)));

        assertThat(decision.retry()).isTrue();
        assertThat(decision.reason()).isEqualTo("MODEL-503: HTTP 503");
    }

    @Test
    void honoursRetryAfterWhenLongerThanTheBackoff() {
        var tooMany = new ModelUnavailableException("MODEL-429", 429, "HTTP 429", Duration.ofSeconds(30), false, null);

        assertThat(delay(policy.decide(1, null, tooMany))).isBetween(30_000L, 33_000L);
    }

    @Test
    void neverSchedulesPastTheEndOfTheRedeliveryWindow() {
        long almostADayAgo = NOW.minus(Duration.ofHours(24)).plusSeconds(10).toEpochMilli();

        RetryDecision decision = policy.decide(30, almostADayAgo, unavailable(503));

        assertThat(decision.retry()).isTrue();
        assertThat(decision.deliverAt()).isEqualTo(almostADayAgo + Duration.ofHours(24).toMillis());
    }

    @Nested
    class DeadLetters {
        @Test
        void whenTheRedeliveryWindowHasPassed() {
            long aDayAgo = NOW.minus(Duration.ofHours(24)).toEpochMilli();

            RetryDecision decision = policy.decide(40, aDayAgo, unavailable(503));

            assertThat(decision.retry()).isFalse();
            assertThat(decision.reason()).startsWith("MODEL-503").contains("still failing after PT24H");
        }

        @Test
        void aGenerationErrorAfterTwoRetries() {
            assertThat(policy.decide(2, null, unavailable(424)).retry()).isTrue();
            RetryDecision third = policy.decide(3, null, unavailable(424));

            assertThat(third.retry()).isFalse();
            assertThat(third.reason()).contains("generation error");
        }

        @Test
        void anythingThatIsNotAnUnavailableModel() {
            RetryDecision decision = policy.decide(1, null, new IllegalStateException("boom"));

            assertThat(decision.retry()).isFalse();
            assertThat(decision.reason()).isEqualTo("boom");
        }
    }

    private static long delay(RetryDecision decision) {
        return decision.deliverAt() - NOW.toEpochMilli();
    }
}
