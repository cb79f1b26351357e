package org.medgemmahub.simulator;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text answers for prompts that ask for plain text (a free question, medical context for a symptom):
 * deterministic, plausible in form, and marked as simulated.
 */
final class SimulatedText {
    private static final Pattern PLAIN_TEXT = Pattern.compile("\\bplain text\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SYMPTOM = Pattern.compile("Symptom:\\s*(.+)");
    private static final String DISCLAIMER = "Simulated output, not a clinical interpretation.";

    private SimulatedText() {
    }

    static boolean wantsPlainText(String userText) {
        return PLAIN_TEXT.matcher(userText).find();
    }

    static String answer(String userText, List<Integer> imageSizes) {
        Matcher symptom = SYMPTOM.matcher(userText);
        if (symptom.find()) {
            String name = symptom.group(1).strip().toLowerCase(Locale.ROOT);
            return "Simulated medical context for " + name + ". Common causes range from benign, self-limiting "
                    + "conditions to serious disease, depending on age, onset and associated features. Red flags that "
                    + "need urgent assessment include sudden or severe onset, abnormal vital signs and neurological "
                    + "deficits. Usual first investigations: history, examination, vital signs and basic blood tests, "
                    + "guided by the clinical picture. " + DISCLAIMER;
        }
        String images = imageSizes.isEmpty() ? "" : " " + imageSizes.size() + " image(s) received.";
        return "Simulated answer: the question was received (" + WordTokens.count(userText) + " words)." + images
                + " A real MedGemma server would answer it here. " + DISCLAIMER;
    }
}
