package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medgemmahub.simulator.MedGemmaSimulator;
import org.medgemmahub.simulator.SimulatorSettings;
import org.medgemmahub.support.SimulatorControlClient;

class ModelCallGuardTest {
    private static final ModelPrompt PROMPT = new ModelPrompt(null, "Report: no acute findings.", null, 64, 0.0);

    private MedGemmaSimulator simulator;
    private SimulatorControlClient control;

    @BeforeEach
    void startSimulator() {
        simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral());
        simulator.start();
        control = new SimulatorControlClient(simulator.baseUrl());
    }

    @AfterEach
    void stopSimulator() {
        simulator.stop();
    }

    @Test
    void opensAfterRepeatedServerFailuresAndThenReschedulesWithoutCallingTheServer() throws Exception {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", simulator.baseUrl());
        settings.circuitBreaker = new MedGemmaProperties.CircuitBreaker(50, 4, Duration.ofSeconds(30));
        MedGemmaProperties properties = settings.build();
        ModelCallGuard guard = new ModelCallGuard(MedGemmaFixtures.backend(properties), properties);
        control.change("{\"failNext\": {\"status\": 503, \"count\": 10}}");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guard.call(PROMPT)).isInstanceOf(ModelUnavailableException.class).hasMessageStartingWith("MODEL-503");
        }

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> guard.call(PROMPT));

        assertThat(guard.circuitState()).isEqualTo("OPEN");
        assertThat(refused).isInstanceOf(ModelUnavailableException.class).hasMessageStartingWith("MODEL-CIRCUIT-OPEN");
        assertThat(control.received()).as("the open breaker kept the call from the server").isEqualTo(4);
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        RetryDecision decision = new ModelRetryPolicy(properties, Clock.fixed(now, ZoneOffset.UTC)).decide(5, now.toEpochMilli(), refused);
        assertThat(decision.retry()).as("rescheduled, never dropped").isTrue();
        assertThat(decision.deliverAt() - now.toEpochMilli()).isGreaterThanOrEqualTo(30_000);
    }

    @Test
    void doesNotCountRejectedRequestsAgainstTheServer() throws Exception {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", simulator.baseUrl());
        settings.circuitBreaker = new MedGemmaProperties.CircuitBreaker(50, 2, Duration.ofSeconds(30));
        MedGemmaProperties properties = settings.build();
        ModelCallGuard guard = new ModelCallGuard(MedGemmaFixtures.backend(properties), properties);
        control.change("{\"failNext\": {\"status\": 422, \"count\": 3}}");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> guard.call(PROMPT)).isInstanceOf(ModelRequestRejectedException.class);
        }

        assertThat(guard.call(PROMPT).text()).contains("no acute findings");
        assertThat(guard.circuitState()).isEqualTo("CLOSED");
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfCallsInFlight() throws Exception {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", simulator.baseUrl());
        settings.concurrency = 2;
        MedGemmaProperties properties = settings.build();
        ModelCallGuard guard = new ModelCallGuard(MedGemmaFixtures.backend(properties), properties);
        control.change("{\"latencyMillis\": 300}");
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<ModelReply>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) calls.add(CompletableFuture.supplyAsync(() -> guard.call(PROMPT), callers));
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        } finally {
            callers.shutdownNow();
        }

        assertThat(control.succeeded()).isEqualTo(6);
        assertThat(control.state().path("counters").path("maxInFlight").asInt()).isEqualTo(2);
    }
}
