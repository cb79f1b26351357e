package org.medgemmahub.simulator;

import java.time.Duration;

/**
 * What the simulator does that can change while it runs (through {@code POST /control}).
 *
 * @param coldStart      how long after start (or after the change) generation, health, info and models answer 503
 * @param latency        fixed delay before each generation answer
 * @param failNext       failures to inject into the next generation calls, or null
 * @param markdownFences wrap the JSON answer in a ```json fence with a sentence before it
 * @param truncateJson   cut the JSON answer in the middle while still reporting a normal stop
 * @param chatRoute404   {@code /v1/chat/completions} answers 404 with an empty body, like old TGI or the HF default container
 * @param healthy        {@code /health} answers 200; when false it answers 503 like an unhealthy TGI
 * @param maxImages      images allowed in one chat request (vLLM's {@code --limit-mm-per-prompt})
 * @param lengthLimit    answers stop after this many tokens with {@code finish_reason: length}, or null for no limit
 * @param vertexPredictionsAsList Vertex chatCompletions answers carry {@code predictions} as a one-element list
 *                       (true) or as the completion object itself (false); both are seen in the wild
 * @param paused         the HF endpoint is paused: every generation call gets 400 {@code Bad Request: Invalid state}
 * @param strictModel    chat requests naming another model get vLLM's 404 {@code The model `X` does not exist.}
 *                       (TGI, the default, accepts any name)
 */
public record SimulatorBehaviour(Duration coldStart, Duration latency, InjectedFailure failNext,
                                 boolean markdownFences, boolean truncateJson, boolean chatRoute404,
                                 boolean healthy, int maxImages, Integer lengthLimit, boolean vertexPredictionsAsList,
                                 boolean paused, boolean strictModel) {
    public SimulatorBehaviour {
        if (coldStart == null || coldStart.isNegative())
            throw new IllegalArgumentException("coldStart must be zero or positive");
        if (latency == null || latency.isNegative())
            throw new IllegalArgumentException("latency must be zero or positive");
        if (maxImages < 0)
            throw new IllegalArgumentException("maxImages must be zero or positive, got " + maxImages);
        if (lengthLimit != null && lengthLimit < 1)
            throw new IllegalArgumentException("lengthLimit must be at least 1, got " + lengthLimit);
    }

    /** A well-behaved, instantly ready model that accepts one image per request. */
    public static SimulatorBehaviour wellBehaved() {
        return new SimulatorBehaviour(Duration.ZERO, Duration.ZERO, null, false, false, false, true, 1, null, true, false, false);
    }

    public SimulatorBehaviour withColdStart(Duration value) {
        return new SimulatorBehaviour(value, latency, failNext, markdownFences, truncateJson, chatRoute404, healthy, maxImages, lengthLimit, vertexPredictionsAsList, paused, strictModel);
    }

    public SimulatorBehaviour withLatency(Duration value) {
        return new SimulatorBehaviour(coldStart, value, failNext, markdownFences, truncateJson, chatRoute404, healthy, maxImages, lengthLimit, vertexPredictionsAsList, paused, strictModel);
    }

    public SimulatorBehaviour withFailNext(InjectedFailure value) {
        return new SimulatorBehaviour(coldStart, latency, value, markdownFences, truncateJson, chatRoute404, healthy, maxImages, lengthLimit, vertexPredictionsAsList, paused, strictModel);
    }

    public SimulatorBehaviour withMarkdownFences(boolean value) {
        return new SimulatorBehaviour(coldStart, latency, failNext, value, truncateJson, chatRoute404, healthy, maxImages, lengthLimit, vertexPredictionsAsList, paused, strictModel);
    }

    public SimulatorBehaviour withTruncateJson(boolean value) {
        return new SimulatorBehaviour(coldStart, latency, failNext, markdownFences, value, chatRoute404, healthy, maxImages, lengthLimit, vertexPredictionsAsList, paused, strictModel);
    }

    public SimulatorBehaviour withChatRoute404(boolean value) {
        return new SimulatorBehaviour(coldStart, latency, failNext, markdownFences, truncateJson, value, healthy, maxImages, lengthLimit, vertexPredictionsAsList, paused, strictModel);
    }

    public SimulatorBehaviour withHealthy(boolean value) {
        return new SimulatorBehaviour(coldStart, latency, failNext, markdownFences, truncateJson, chatRoute404, value, maxImages, lengthLimit, vertexPredictionsAsList, paused, strictModel);
    }

    public SimulatorBehaviour withMaxImages(int value) {
        return new SimulatorBehaviour(coldStart, latency, failNext, markdownFences, truncateJson, chatRoute404, healthy, value, lengthLimit, vertexPredictionsAsList, paused, strictModel);
    }

    public SimulatorBehaviour withLengthLimit(Integer value) {
        return new SimulatorBehaviour(coldStart, latency, failNext, markdownFences, truncateJson, chatRoute404, healthy, maxImages, value, vertexPredictionsAsList, paused, strictModel);
    }

    public SimulatorBehaviour withVertexPredictionsAsList(boolean value) {
        return new SimulatorBehaviour(coldStart, latency, failNext, markdownFences, truncateJson, chatRoute404, healthy, maxImages, lengthLimit, value, paused, strictModel);
    }

    public SimulatorBehaviour withPaused(boolean value) {
        return new SimulatorBehaviour(coldStart, latency, failNext, markdownFences, truncateJson, chatRoute404, healthy, maxImages, lengthLimit, vertexPredictionsAsList, value, strictModel);
    }

    public SimulatorBehaviour withStrictModel(boolean value) {
        return new SimulatorBehaviour(coldStart, latency, failNext, markdownFences, truncateJson, chatRoute404, healthy, maxImages, lengthLimit, vertexPredictionsAsList, paused, value);
    }

    /** The token limit an answer is cut at: the request's, or the injected one when smaller. */
    Integer effectiveLimit(Integer requested) {
        if (lengthLimit == null) return requested;
        return requested == null ? lengthLimit : Math.min(requested, lengthLimit);
    }
}
