package org.medgemmahub.simulator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The built-in MedGemma simulator (hub.simulator.*); defaults live in application.yaml.
 *
 * @param enabled     start the simulator with the hub
 * @param bindAddress interface it listens on; keep it on loopback outside a demo
 * @param port        0 picks a free port
 * @param coldStart   how long it answers 503 "model is loading" after start
 * @param latency     fixed delay before each generation answer
 * @param modelId     the model id it reports
 * @param apiKey      when set, generation routes require this bearer token
 * @param maxImages   images accepted in one chat request
 * @param faults      misbehaviour from start-up (hub.simulator.faults.*), e.g. to demo an HF default container
 */
@ConfigurationProperties("hub.simulator")
public record SimulatorProperties(boolean enabled, String bindAddress, int port, Duration coldStart, Duration latency,
                                  String modelId, String apiKey, int maxImages, Faults faults) {

    /**
     * @param chatRoute404   {@code /v1/chat/completions} answers 404, like the HF default container or old TGI
     * @param markdownFences JSON answers come wrapped in a Markdown fence with a sentence before it
     * @param truncateJson   JSON answers are cut in the middle
     * @param lengthLimit    answers stop after this many tokens with {@code finish_reason: length}; null for none
     * @param paused         every generation call gets 400 {@code Bad Request: Invalid state}, like a paused HF endpoint
     */
    public record Faults(boolean chatRoute404, boolean markdownFences, boolean truncateJson, Integer lengthLimit,
                         boolean paused) {
        static final Faults NONE = new Faults(false, false, false, null, false);

        public Faults {
            if (lengthLimit != null && lengthLimit < 1)
                throw new IllegalArgumentException("hub.simulator.faults.length-limit must be at least 1, got " + lengthLimit);
        }

        SimulatorBehaviour applyTo(SimulatorBehaviour behaviour) {
            return behaviour.withChatRoute404(chatRoute404).withMarkdownFences(markdownFences).withTruncateJson(truncateJson)
                    .withLengthLimit(lengthLimit).withPaused(paused);
        }
    }

    /** Without start-up faults. */
    public SimulatorProperties(boolean enabled, String bindAddress, int port, Duration coldStart, Duration latency,
                               String modelId, String apiKey, int maxImages) {
        this(enabled, bindAddress, port, coldStart, latency, modelId, apiKey, maxImages, Faults.NONE);
    }

    @ConstructorBinding
    public SimulatorProperties {
        faults = faults == null ? Faults.NONE : faults;
        // a disabled simulator's settings are never used, so they cannot stop start-up
        if (enabled) {
            if (bindAddress == null || bindAddress.isBlank())
                throw new IllegalArgumentException("hub.simulator.bind-address must not be blank");
            if (port < 0 || port > 65535)
                throw new IllegalArgumentException("hub.simulator.port must be between 0 and 65535, got " + port);
            if (coldStart == null || coldStart.isNegative())
                throw new IllegalArgumentException("hub.simulator.cold-start must be zero or positive");
            if (latency == null || latency.isNegative())
                throw new IllegalArgumentException("hub.simulator.latency must be zero or positive");
            if (modelId == null || modelId.isBlank())
                throw new IllegalArgumentException("hub.simulator.model-id must not be blank");
            if (maxImages < 0)
                throw new IllegalArgumentException("hub.simulator.max-images must be zero or positive, got " + maxImages);
        }
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    SimulatorSettings toSettings() {
        SimulatorBehaviour behaviour = faults.applyTo(SimulatorBehaviour.wellBehaved()
                .withColdStart(coldStart)
                .withLatency(latency)
                .withMaxImages(maxImages));
        return new SimulatorSettings(bindAddress, port, modelId, apiKey, behaviour);
    }

    /** Keeps the key out of logs and failure analysis output. */
    @Override
    public String toString() {
        return "SimulatorProperties[enabled=" + enabled + ", bindAddress=" + bindAddress + ", port=" + port
                + ", coldStart=" + coldStart + ", latency=" + latency + ", modelId=" + modelId
                + ", apiKey=" + (apiKey.isEmpty() ? "none" : "***") + ", maxImages=" + maxImages + ", faults=" + faults + "]";
    }
}
