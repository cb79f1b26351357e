package org.medgemmahub.medgemma;

/** One wire format for calling MedGemma; chosen by {@code medgemma.api}. */
public interface ModelBackend {

    /** {@code tgi} or {@code openai}: recorded on every result. */
    String name();

    /**
     * Calls the model once.
     *
     * @throws ModelUnavailableException     the server may answer later (retry)
     * @throws ModelRequestRejectedException the request cannot succeed as it is (dead letter)
     */
    ModelReply generate(ModelPrompt prompt);
}
