package org.medgemmahub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.medgemmahub.simulator.SimulatorClient.json;
import static org.medgemmahub.simulator.SimulatorFixtures.CONSOLIDATION_REPORT;
import static org.medgemmahub.simulator.SimulatorFixtures.chatRequest;
import static org.medgemmahub.simulator.SimulatorFixtures.gemmaPrompt;
import static org.medgemmahub.simulator.SimulatorFixtures.tgiRequest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Misbehaviour on request, set at construction or through /control, and the counters that show what happened. */
class MedGemmaSimulatorMisbehaviourTest {
    private static final Duration COLD_START = Duration.ofMillis(1500);
    private static final String TGI_REQUEST = tgiRequest(gemmaPrompt(CONSOLIDATION_REPORT));
    private static final String CHAT_REQUEST = chatRequest(CONSOLIDATION_REPORT).toString();

    private MedGemmaSimulator simulator;
    private SimulatorClient client;

    private void start(SimulatorBehaviour behaviour) {
        simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral().withBehaviour(behaviour));
        simulator.start();
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private HttpResponse<String> generate() {
        return client.postJson("/generate", TGI_REQUEST);
    }

    private HttpResponse<String> chat() {
        return client.postJson("/v1/chat/completions", CHAT_REQUEST);
    }

    private void assertLoading(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("Service Unavailable: model is loading");
    }

    @Test
    void answers503WhileColdStartingThenServes() {
        start(SimulatorBehaviour.wellBehaved().withColdStart(COLD_START));

        assertLoading(generate());
        assertLoading(chat());
        assertLoading(client.get("/health"));
        assertLoading(client.get("/info"));
        assertLoading(client.get("/v1/models"));
        assertThat(client.control().get("loading").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.get("/health").statusCode() == 200);
        assertThat(generate().statusCode()).isEqualTo(200);
        assertThat(client.get("/info").statusCode()).isEqualTo(200);
    }

    @Test
    void startsColdStartWindowWhenControlSetsIt() {
        start(SimulatorBehaviour.wellBehaved());
        assertThat(generate().statusCode()).isEqualTo(200);

        assertThat(client.control("{\"coldStartSeconds\": 1.5}").statusCode()).isEqualTo(200);

        assertLoading(generate());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> generate().statusCode() == 200);
    }

    @Test
    void delaysGenerationByConfiguredLatency() {
        start(SimulatorBehaviour.wellBehaved().withLatency(Duration.ofMillis(300)));

        long started = System.nanoTime();
        assertThat(generate().statusCode()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(client.control().get("latencyMillis").asLong()).isEqualTo(300);
    }

    @Test
    void failsNextCallsWithInjectedStatusThenRecovers() {
        start(SimulatorBehaviour.wellBehaved());
        client.control("{\"failNext\": {\"status\": 424, \"count\": 2}}");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = generate();
            assertThat(failed.statusCode()).isEqualTo(424);
            assertThat(json(failed)).isEqualTo(json("{\"error\":\"Request failed during generation: simulated "
                    + "failure\",\"error_type\":\"generation\"}"));
        }

        assertThat(generate().statusCode()).isEqualTo(200);
        assertThat(client.control().get("failNext").isNull()).isTrue();
    }

    @Test
    void sendsOverloaded429WithRetryAfterWhenAsked() {
        start(SimulatorBehaviour.wellBehaved().withFailNext(new InjectedFailure(429, 1, 7)));

        HttpResponse<String> response = generate();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(response)).isEqualTo(json("{\"error\":\"Model is overloaded\",\"error_type\":\"overloaded\"}"));
    }

    @Test
    void sends429WithoutRetryAfterByDefault() {
        start(SimulatorBehaviour.wellBehaved().withFailNext(InjectedFailure.once(429)));

        assertThat(generate().headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void failsChatRouteInVllmShape() {
        start(SimulatorBehaviour.wellBehaved().withFailNext(InjectedFailure.once(500)));

        HttpResponse<String> response = chat();

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response)).isEqualTo(json("{\"error\":{\"message\":\"simulated failure: Internal Server Error\","
                + "\"type\":\"InternalServerError\",\"param\":null,\"code\":500}}"));
    }

    @Test
    void wrapsAnswerInMarkdownFences() {
        start(SimulatorBehaviour.wellBehaved().withMarkdownFences(true));

        String text = json(generate()).get("generated_text").asText();

        assertThat(text).startsWith(SimulatedAnswer.FENCE_PREAMBLE + "\n\n```json\n{").endsWith("}\n```");
        String inner = text.substring(text.indexOf("```json\n") + 8, text.lastIndexOf("\n```"));
        assertThat(json(inner).get("simulated").asBoolean()).isTrue();
    }

    @Test
    void truncatesJsonInTheMiddleWithStopReason() {
        start(SimulatorBehaviour.wellBehaved());
        String whole = json(chat()).get("choices").get(0).get("message").get("content").asText();
        client.control("{\"truncateJson\": true}");

        JsonNode choice = json(chat()).get("choices").get(0);

        String truncated = choice.get("message").get("content").asText();
        assertThat(truncated).isEqualTo(whole.substring(0, whole.length() / 2));
        assertThatThrownBy(() -> SimulatorClient.JSON.readTree(truncated)).isInstanceOf(Exception.class);
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void answers404WithEmptyBodyOnChatRouteInOldTgiMode() {
        start(SimulatorBehaviour.wellBehaved().withChatRoute404(true));

        HttpResponse<String> response = chat();

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
        assertThat(generate().statusCode()).isEqualTo(200);
    }

    @Test
    void reportsUnhealthyOnHealthInTgiShape() {
        start(SimulatorBehaviour.wellBehaved());
        client.control("{\"healthy\": false}");

        HttpResponse<String> health = client.get("/health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health)).isEqualTo(json("{\"error\":\"unhealthy\",\"error_type\":\"healthcheck\"}"));
    }

    @Test
    void countsGenerationCallsByOutcome() {
        start(SimulatorBehaviour.wellBehaved());
        generate();
        chat();
        client.postJson("/generate", tgiRequest("<bos>" + gemmaPrompt(CONSOLIDATION_REPORT)));
        client.control("{\"failNext\": {\"status\": 429}}");
        chat();
        client.get("/health");
        client.get("/info");

        JsonNode counters = client.control().get("counters");

        assertThat(counters).isEqualTo(json("{\"received\":4,\"succeeded\":2,\"failed\":{\"422\":1,\"429\":1},"
                + "\"inFlight\":0,\"maxInFlight\":1}"));
    }

    @Test
    void recordsMostCallsInFlightAtOnce() {
        start(SimulatorBehaviour.wellBehaved().withLatency(Duration.ofMillis(1000)));

        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 4)
                .mapToObj(i -> client.postJsonAsync("/generate", TGI_REQUEST))
                .toList();

        assertThat(calls).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
        JsonNode counters = client.control().get("counters");
        assertThat(counters.get("maxInFlight").asInt()).isEqualTo(4);
        assertThat(counters.get("inFlight").asInt()).isZero();
    }

    @Test
    void resetRestoresConstructionBehaviourAndClearsCounters() {
        start(SimulatorBehaviour.wellBehaved().withMarkdownFences(true));
        generate();
        client.control("{\"markdownFences\": false, \"chatRoute404\": true, \"latencyMillis\": 5, \"maxImages\": 3}");

        HttpResponse<String> reset = client.postJson("/control/reset", "{}");

        assertThat(reset.statusCode()).isEqualTo(200);
        JsonNode state = json(reset);
        assertThat(state.get("markdownFences").asBoolean()).isTrue();
        assertThat(state.get("chatRoute404").asBoolean()).isFalse();
        assertThat(state.get("latencyMillis").asLong()).isZero();
        assertThat(state.get("maxImages").asInt()).isEqualTo(1);
        assertThat(state.get("counters").get("received").asLong()).isZero();
        assertThat(state.get("simulated").asBoolean()).isTrue();
    }

    @Test
    void resetEndsAColdStartThatControlStarted() {
        start(SimulatorBehaviour.wellBehaved());
        client.control("{\"coldStartSeconds\": 3600}");
        assertLoading(generate());

        client.postJson("/control/reset", "{}");

        assertThat(generate().statusCode()).isEqualTo(200);
        assertThat(client.control().get("coldStartSeconds").asDouble()).isZero();
    }

    @Test
    void showsEveryControlKeyWithItsValue() {
        start(SimulatorBehaviour.wellBehaved());

        JsonNode state = client.control();

        assertThat(state.fieldNames()).toIterable().containsAll(ControlHandler.KEYS);
        assertThat(state.get("modelId").asText()).isEqualTo("medgemma-simulator");
        assertThat(state.get("apiKeyRequired").asBoolean()).isFalse();
    }

    @Nested
    class ControlRejections {
        @Test
        void refusesUnknownControlKeyAndChangesNothing() {
            start(SimulatorBehaviour.wellBehaved());

            HttpResponse<String> response = client.control("{\"markdownFences\": true, \"explode\": true}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).startsWith("unknown control key `explode`");
            assertThat(client.control().get("markdownFences").asBoolean()).isFalse();
        }

        @Test
        void refusesInjectedFailureWithNonErrorStatus() {
            start(SimulatorBehaviour.wellBehaved());

            HttpResponse<String> response = client.control("{\"failNext\": {\"status\": 200}}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").asText())
                    .isEqualTo("failNext.status must be an HTTP error status (400 to 599), got 200");
        }
    }
}
