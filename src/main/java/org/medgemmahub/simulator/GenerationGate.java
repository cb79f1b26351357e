package org.medgemmahub.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every generation call goes through before and around the model: counting, missing route, api key, cold
 * start, injected failures, content type and JSON parsing, then the simulated latency. The ordering imitates the
 * real servers: routing and auth middleware first, loading next, request validation last.
 */
final class GenerationGate {
    /** Generates the answer for a parsed request body, or refuses it. */
    interface Generation {
        Reply generate(JsonNode body, SimulatorBehaviour behaviour) throws RejectedRequest;
    }

    private static final Logger log = LoggerFactory.getLogger(GenerationGate.class);

    private final SimulatorControl control;
    private final String apiKey;

    GenerationGate(SimulatorControl control, String apiKey) {
        this.control = control;
        this.apiKey = apiKey;
    }

    Reply serve(SimulatorExchange exchange, ApiDialect dialect, Generation generation) {
        control.counters().begin();
        Reply reply = Reply.text(500, "simulator internal error");
        try {
            reply = admitAndGenerate(exchange, dialect, generation);
        } catch (RejectedRequest rejection) {
            reply = dialect.render(rejection);
        } catch (IOException e) {
            reply = Reply.text(400, "Failed to read the request body");
        } catch (RuntimeException e) {
            // the type only: a message could quote the request
            log.warn("Simulator failed on {} {}: {}", exchange.method(), exchange.path(), e.getClass().getName());
        } finally {
            // counted before the answer is written, so a client holding its answer reads up-to-date counters
            control.counters().end(reply.status());
        }
        return reply;
    }

    private Reply admitAndGenerate(SimulatorExchange exchange, ApiDialect dialect, Generation generation)
            throws RejectedRequest, IOException {
        SimulatorBehaviour behaviour = control.behaviour();
        if (dialect == ApiDialect.OPENAI && behaviour.chatRoute404())
            throw RejectedRequest.empty(404);
        if (behaviour.paused())
            throw RejectedRequest.plainText(400, "Bad Request: Invalid state");
        if (!authorized(exchange))
            throw RejectedRequest.unauthorized();
        if (control.loading() && !control.awaitWarm(scaleUpTimeout(exchange)))
            throw RejectedRequest.loading();
        Optional<InjectedFailure> failure = control.takeInjectedFailure();
        if (failure.isPresent() && failure.get().stream()) {
            pause(behaviour.latency());
            return failure.get().asStreamEvent(dialect);
        }
        if (failure.isPresent()) {
            // overload is refused at once; other failures happen during generation
            if (failure.get().status() != 429)
                pause(behaviour.latency());
            throw failure.get().toRejection(dialect);
        }
        if (!exchange.hasJsonContentType())
            throw dialect.unsupportedMediaType();
        JsonNode body;
        try {
            body = SimulatorJson.parse(exchange.body());
        } catch (JsonProcessingException e) {
            throw dialect.malformedJson(e.getOriginalMessage());
        }
        control.record(RecordedRequest.of(exchange, body));
        Reply reply = generation.generate(body, behaviour);
        pause(behaviour.latency());
        return reply;
    }

    /**
     * HF Inference Endpoints hold a call that carries {@code X-Scale-Up-Timeout: <seconds>} while the replica starts,
     * up to that long; without the header a cold endpoint answers 503 at once.
     */
    private static Duration scaleUpTimeout(SimulatorExchange exchange) {
        String value = exchange.header("X-Scale-Up-Timeout");
        if (value == null || !value.strip().matches("\\d{1,5}"))
            return Duration.ZERO;
        return Duration.ofSeconds(Long.parseLong(value.strip()));
    }

    boolean authorized(SimulatorExchange exchange) {
        if (apiKey.isEmpty())
            return true;
        String header = exchange.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && header.substring(7).strip().equals(apiKey);
    }

    private static void pause(Duration latency) {
        if (latency.isZero())
            return;
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
