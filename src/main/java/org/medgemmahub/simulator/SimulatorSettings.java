package org.medgemmahub.simulator;

/**
 * How a {@link MedGemmaSimulator} is built: where it listens, what it calls itself, and how it behaves at first.
 *
 * @param bindAddress interface to listen on, e.g. 127.0.0.1
 * @param port        0 binds an ephemeral port; {@link MedGemmaSimulator#port()} tells which
 * @param modelId     reported by {@code /info} and {@code /v1/models}
 * @param apiKey      when not blank, generation routes require {@code Authorization: Bearer <apiKey>}
 * @param behaviour   the initial behaviour, restored by {@code POST /control/reset}
 */
public record SimulatorSettings(String bindAddress, int port, String modelId, String apiKey, SimulatorBehaviour behaviour) {
    public static final String DEFAULT_MODEL_ID = "medgemma-simulator";

    public SimulatorSettings {
        if (bindAddress == null || bindAddress.isBlank())
            throw new IllegalArgumentException("bindAddress must not be blank");
        if (port < 0 || port > 65535)
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        if (modelId == null || modelId.isBlank())
            throw new IllegalArgumentException("modelId must not be blank");
        apiKey = apiKey == null ? "" : apiKey.strip();
        if (behaviour == null)
            throw new IllegalArgumentException("behaviour must not be null");
    }

    /** Loopback, ephemeral port, default model id, no api key, well-behaved: what tests start from. */
    public static SimulatorSettings loopbackEphemeral() {
        return new SimulatorSettings("127.0.0.1", 0, DEFAULT_MODEL_ID, "", SimulatorBehaviour.wellBehaved());
    }

    public SimulatorSettings withPort(int value) {
        return new SimulatorSettings(bindAddress, value, modelId, apiKey, behaviour);
    }

    public SimulatorSettings withModelId(String value) {
        return new SimulatorSettings(bindAddress, port, value, apiKey, behaviour);
    }

    public SimulatorSettings withApiKey(String value) {
        return new SimulatorSettings(bindAddress, port, modelId, value, behaviour);
    }

    public SimulatorSettings withBehaviour(SimulatorBehaviour value) {
        return new SimulatorSettings(bindAddress, port, modelId, apiKey, value);
    }

    boolean requiresApiKey() {
        return !apiKey.isEmpty();
    }

    /** Keeps the key out of logs and exception messages. */
    @Override
    public String toString() {
        return "SimulatorSettings[bindAddress=" + bindAddress + ", port=" + port + ", modelId=" + modelId
                + ", apiKey=" + (requiresApiKey() ? "***" : "none") + ", behaviour=" + behaviour + "]";
    }
}
