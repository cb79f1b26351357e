package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medgemmahub.simulator.MedGemmaSimulator;
import org.medgemmahub.simulator.SimulatorSettings;
import org.medgemmahub.support.FreePorts;
import org.medgemmahub.support.SimulatorControlClient;

/**
 * The failure rows of the reference table (shared/reference/medgemma-servers.md, sections F and G), each produced by
 * the simulator over HTTP, each driven through the backend and {@link ModelRetryPolicy} as the route drives them:
 * retried with the right delay, or dead-lettered with the right reason, after the right number of calls.
 */
class ModelFailureTableTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final ModelPrompt PROMPT = new ModelPrompt("You are careful.", "Report: small pleural effusion.", null, 128, 0.0);
    private static final String TOKEN = "sim-token";

    private static MedGemmaSimulator simulator;
    private static SimulatorControlClient control;

    enum End { SUCCEEDED, DEAD_LETTERED, STILL_RETRYING }

    /**
     * @param calls       generation calls the simulator must have received
     * @param firstDelay  the delay (ms) of the first retry, at least; null when there is no retry
     * @param reason      how the failure reason (of the first failure, or of the dead letter) starts
     */
    record Row(String name, String api, String behaviour, Consumer<MedGemmaFixtures.Settings> settings, int maxAttempts,
               End end, int calls, Long firstDelay, String reason, ModelPrompt prompt) {
        Row(String name, String api, String behaviour, Consumer<MedGemmaFixtures.Settings> settings, int maxAttempts,
            End end, int calls, Long firstDelay, String reason) {
            this(name, api, behaviour, settings, maxAttempts, end, calls, firstDelay, reason, PROMPT);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        Consumer<MedGemmaFixtures.Settings> same = s -> { };
        Consumer<MedGemmaFixtures.Settings> noHold = s -> s.scaleUpTimeout = Duration.ZERO;
        Consumer<MedGemmaFixtures.Settings> wrongToken = s -> s.token = "wrong-token";
        return Stream.of(
                // retry
                new Row("503 cold start, HF endpoint scaled to zero (no hold header)", "tgi", "{\"coldStartSeconds\": 600}", noHold,
                        3, End.STILL_RETRYING, 3, 2000L, "MODEL-503: HTTP 503 from /: Service Unavailable: model is loading"),
                new Row("502 cold start on the legacy HF proxy", "tgi", failNext(502, 1), same, 5, End.SUCCEEDED, 2, 2000L, "MODEL-502"),
                new Row("429 overloaded with Retry-After 7", "openai", "{\"failNext\": {\"status\": 429, \"retryAfterSeconds\": 7}}", same,
                        5, End.SUCCEEDED, 2, 7000L, "MODEL-429"),
                new Row("429 overloaded without Retry-After (TGI)", "tgi", failNext(429, 1), same, 5, End.SUCCEEDED, 2, 2000L,
                        "MODEL-429: HTTP 429 from /: Model is overloaded [overloaded]"),
                new Row("424 generation error, retried once", "tgi", failNext(424, 1), same, 5, End.SUCCEEDED, 2, 2000L, "MODEL-424"),
                new Row("424 generation error, at most twice", "tgi", failNext(424, 5), same, 5, End.DEAD_LETTERED, 3, 2000L,
                        "MODEL-424: HTTP 424 from /: Request failed during generation"),
                new Row("500 incomplete generation", "tgi", failNext(500, 1), same, 5, End.SUCCEEDED, 2, 2000L,
                        "MODEL-500: HTTP 500 from /: Incomplete generation [incomplete_generation]"),
                new Row("500 vLLM InternalServerError", "openai", failNext(500, 1), same, 5, End.SUCCEEDED, 2, 2000L, "MODEL-500"),
                new Row("504 gateway timeout", "openai", failNext(504, 1), same, 5, End.SUCCEEDED, 2, 2000L, "MODEL-504"),
                new Row("Vertex 429 RESOURCE_EXHAUSTED", "vertex", failNext(429, 1), same, 5, End.SUCCEEDED, 2, 2000L,
                        "MODEL-429"),
                new Row("Vertex 503 took too long, tried once more at once with half the max_tokens", "vertex", failNext(503, 1),
                        same, 5, End.SUCCEEDED, 2, null, null),
                new Row("Vertex 503 took too long twice", "vertex", failNext(503, 2), same, 5, End.SUCCEEDED, 3, 2000L,
                        "MODEL-503: HTTP 503 from " + MedGemmaFixtures.VERTEX_ENDPOINT + ":predict: Took too long to respond"),
                new Row("read timeout", "openai", "{\"latencyMillis\": 1500}", s -> s.timeout = Duration.ofMillis(500), 1,
                        End.STILL_RETRYING, 1, 2000L, "MODEL-TIMEOUT"),
                new Row("connection refused", "openai", "{}", s -> s.baseUrl = "http://127.0.0.1:" + FreePorts.next(), 2,
                        End.STILL_RETRYING, 0, 2000L, "MODEL-CONNECT"),
                new Row("200 stream carrying an overloaded error event", "tgi",
                        "{\"failNext\": {\"status\": 429, \"stream\": true}}", same, 5, End.SUCCEEDED, 2, 2000L, "MODEL-429"),
                // fail fast
                new Row("400 bad request (vLLM nested)", "openai", failNext(400, 1), same, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-400: HTTP 400 from /v1/chat/completions: simulated failure: Bad Request [BadRequestError]"),
                new Row("400 paused HF endpoint (Invalid state)", "tgi", "{\"paused\": true}", same, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-PAUSED: HTTP 400 from /: Bad Request: Invalid state (the endpoint is paused; resume it)"),
                new Row("401 TGI api key, empty body", "tgi", "{}", wrongToken, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-401: HTTP 401 from / (check HF_TOKEN"),
                new Row("401 vLLM flat {error: Unauthorized}", "openai", "{}", wrongToken, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-401: HTTP 401 from /v1/chat/completions: Unauthorized"),
                new Row("403 forbidden", "openai", failNext(403, 1), same, 5, End.DEAD_LETTERED, 1, null, "MODEL-403"),
                new Row("404 chat route on a TGI-only endpoint", "openai", "{\"chatRoute404\": true}", same, 5, End.DEAD_LETTERED,
                        1, null, "MODEL-404: HTTP 404 from /v1/chat/completions (no such route or model"),
                new Row("404 vLLM unknown model", "openai", "{\"strictModel\": true}", same, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-404: HTTP 404 from /v1/chat/completions: The model `google/medgemma-4b-it` does not exist. [NotFoundError]"),
                new Row("413 payload too large", "tgi", failNext(413, 1), same, 5, End.DEAD_LETTERED, 1, null, "MODEL-413"),
                new Row("415 unsupported media type", "tgi", failNext(415, 1), same, 5, End.DEAD_LETTERED, 1, null, "MODEL-415"),
                new Row("422 TGI validation", "tgi", failNext(422, 1), same, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-422: HTTP 422 from /: Input validation error: simulated validation failure [validation]"),
                new Row("422 TGI inputs + max_new_tokens over max_total_tokens", "tgi", "{}", same, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-422: HTTP 422 from /: Input validation error: `inputs` tokens + `max_new_tokens` must be <= 8192",
                        new ModelPrompt(null, "Report: small pleural effusion.", null, 8190, 0.0)),
                new Row("400 vLLM too many images", "openai", "{\"maxImages\": 0}", same, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-400: HTTP 400 from /v1/chat/completions: At most 0 image(s) may be provided in one request.",
                        new ModelPrompt(null, "Describe.", "/9j/AAAA", 64, 0.0)),
                new Row("501 not implemented", "openai", failNext(501, 1), same, 5, End.DEAD_LETTERED, 1, null, "MODEL-501"),
                new Row("200 stream carrying a validation error event", "tgi",
                        "{\"failNext\": {\"status\": 422, \"stream\": true}}", same, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-422: HTTP 422 from / (error event in a 200 stream)"),
                new Row("Vertex 401 with a static token", "vertex", "{}", s -> s.vertexToken = "expired-token", 5, End.DEAD_LETTERED,
                        1, null, "MODEL-401: HTTP 401 from " + MedGemmaFixtures.VERTEX_ENDPOINT + ":predict: Request had invalid authentication credentials"),
                new Row("Vertex 401, refreshed token refused too", "vertex", "{}", s -> {
                    s.vertexToken = null;
                    s.vertexTokenFile = tokenFile("expired-token");
                }, 5, End.DEAD_LETTERED, 2, null, "MODEL-401"),
                new Row("Vertex 403 PERMISSION_DENIED", "vertex", failNext(403, 1), same, 5, End.DEAD_LETTERED, 1, null,
                        "MODEL-403"));
    }

    @BeforeAll
    static void startSimulator() {
        simulator = new MedGemmaSimulator(SimulatorSettings.loopbackEphemeral().withApiKey(TOKEN));
        simulator.start();
        control = new SimulatorControlClient(simulator.baseUrl());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @BeforeEach
    void resetSimulator() throws Exception {
        control.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void endsAsTheReferenceTableSays(Row row) throws Exception {
        control.change(row.behaviour());
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings(row.api(),
                simulator.baseUrl() + ("vertex".equals(row.api()) ? MedGemmaFixtures.VERTEX_ENDPOINT : ""));
        settings.token = TOKEN;
        if ("vertex".equals(row.api())) settings.vertexToken = TOKEN;
        row.settings().accept(settings);
        MedGemmaProperties properties = settings.build();
        ModelBackend backend = MedGemmaFixtures.backend(properties);
        ModelRetryPolicy policy = new ModelRetryPolicy(properties, Clock.fixed(NOW, ZoneOffset.UTC));

        List<RetryDecision> decisions = new ArrayList<>();
        End end = drive(backend, row.prompt(), policy, row.maxAttempts(), decisions);

        assertThat(end).isEqualTo(row.end());
        assertThat(control.received()).as("calls the server received").isEqualTo(row.calls());
        if (row.reason() == null) {
            assertThat(decisions).as("handled within the call").isEmpty();
            assertThat(control.lastRequest().path("body").path("instances").get(0).path("max_tokens").asInt())
                    .isEqualTo(row.prompt().maxTokens() / 2);
            return;
        }
        RetryDecision first = decisions.get(0);
        assertThat(first.reason()).startsWith(row.reason());
        if (row.firstDelay() == null) {
            assertThat(decisions).hasSize(1);
            assertThat(first.retry()).isFalse();
        } else {
            long delay = first.deliverAt() - NOW.toEpochMilli();
            assertThat(delay).as("first retry delay").isBetween(row.firstDelay(), row.firstDelay() + row.firstDelay() / 10 + 1);
        }
        if (end == End.DEAD_LETTERED) {
            RetryDecision last = decisions.get(decisions.size() - 1);
            assertThat(last.retry()).isFalse();
            assertThat(last.reason()).startsWith(row.reason());
        }
    }

    /** Calls until success, a dead letter, or {@code maxAttempts} calls; the broker's waiting is skipped. */
    private static End drive(ModelBackend backend, ModelPrompt prompt, ModelRetryPolicy policy, int maxAttempts,
                             List<RetryDecision> decisions) {
        Integer attempt = null;
        Long firstAt = null;
        for (int call = 1; call <= maxAttempts; call++) {
            try {
                backend.generate(prompt);
                return End.SUCCEEDED;
            } catch (ModelUnavailableException | ModelRequestRejectedException e) {
                RetryDecision decision = policy.decide(attempt, firstAt, e);
                decisions.add(decision);
                if (!decision.retry()) return End.DEAD_LETTERED;
                attempt = decision.nextAttempt();
                firstAt = decision.firstAttemptAt();
            }
        }
        return End.STILL_RETRYING;
    }

    private static String failNext(int status, int count) {
        return "{\"failNext\": {\"status\": " + status + ", \"count\": " + count + "}}";
    }

    private static Path tokenFile(String token) {
        try {
            Path file = Files.createTempFile("vertex-token", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, token);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
