package org.medgemmahub.simulator;

import java.util.List;

/**
 * The generated text as a model would return it: the findings JSON (misshaped as the behaviour asks) or, for a
 * prompt that asks for plain text, a plain-text answer; then cut at the caller's token limit or the injected one.
 *
 * @param cutAtLimit the answer reached the token limit ({@code finish_reason: length})
 */
record SimulatedAnswer(String text, int tokens, boolean cutAtLimit) {
    static final String FENCE_PREAMBLE = "Here is the structured assessment of the provided input:";

    /** The answer to a prompt: plain text when it asks for plain text, else the findings JSON. */
    static SimulatedAnswer answer(String userText, List<Integer> imageSizes, SimulatorBehaviour behaviour, Integer maxTokens) {
        if (SimulatedText.wantsPlainText(userText))
            return cut(SimulatedText.answer(userText, imageSizes), behaviour.effectiveLimit(maxTokens));
        return render(SimulatorJson.text(SimulatedFindings.assess(userText, imageSizes)), behaviour, maxTokens);
    }

    /** @param maxTokens the request's limit, or null for none */
    static SimulatedAnswer render(String json, SimulatorBehaviour behaviour, Integer maxTokens) {
        String text = json;
        if (behaviour.truncateJson())
            text = text.substring(0, text.length() / 2);
        if (behaviour.markdownFences())
            text = FENCE_PREAMBLE + "\n\n```json\n" + text + "\n```";
        return cut(text, behaviour.effectiveLimit(maxTokens));
    }

    private static SimulatedAnswer cut(String text, Integer limit) {
        boolean cut = limit != null && WordTokens.count(text) > limit;
        if (cut)
            text = WordTokens.firstWords(text, limit);
        return new SimulatedAnswer(text, WordTokens.count(text), cut);
    }
}
