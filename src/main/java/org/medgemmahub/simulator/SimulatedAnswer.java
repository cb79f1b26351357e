package org.medgemmahub.simulator;

/**
 * The generated text as a model would return it: the findings JSON, misshaped as the behaviour asks, then cut at
 * the caller's token limit.
 *
 * @param cutAtLimit the answer reached the token limit ({@code finish_reason: length})
 */
record SimulatedAnswer(String text, int tokens, boolean cutAtLimit) {
    static final String FENCE_PREAMBLE = "Here is the structured assessment of the provided input:";

    /** @param maxTokens the request's limit, or null for none */
    static SimulatedAnswer render(String json, SimulatorBehaviour behaviour, Integer maxTokens) {
        String text = json;
        if (behaviour.truncateJson())
            text = text.substring(0, text.length() / 2);
        if (behaviour.markdownFences())
            text = FENCE_PREAMBLE + "\n\n```json\n" + text + "\n```";
        boolean cut = maxTokens != null && WordTokens.count(text) > maxTokens;
        if (cut)
            text = WordTokens.firstWords(text, maxTokens);
        return new SimulatedAnswer(text, WordTokens.count(text), cut);
    }
}
