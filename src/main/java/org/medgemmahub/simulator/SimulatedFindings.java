package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the last user text into the structured findings the hub asks for, by keywords alone: the same text always
 * gives the same answer. A keyword preceded by a negation in its clause ("no pneumothorax") counts as normal.
 * Findings are listed most severe first.
 */
final class SimulatedFindings {
    enum Urgency { ROUTINE, URGENT, CRITICAL }

    private record Rule(Pattern keyword, String label, String finding, Urgency urgency, String recommendation) {
    }

    private static final List<Rule> RULES = List.of(
            rule("pneumothora(x|ces)", "pneumothorax",
                    "Visceral pleural line with absent peripheral lung markings, consistent with pneumothorax.",
                    Urgency.CRITICAL, "Notify the treating clinician immediately for urgent assessment."),
            rule("ha?emorrhage|bleed(ing)?", "haemorrhage",
                    "Findings suspicious for acute haemorrhage.",
                    Urgency.CRITICAL, "Notify the treating clinician immediately for urgent assessment."),
            rule("pneumonia|consolidat\\w*", "consolidation",
                    "Focal airspace consolidation, compatible with pneumonia in the appropriate clinical setting.",
                    Urgency.URGENT, "Correlate clinically and consider a follow-up radiograph after treatment."),
            rule("fractur\\w*", "fracture",
                    "Cortical discontinuity suggesting an acute fracture.",
                    Urgency.URGENT, "Orthopaedic review; dedicated views if clinically indicated."),
            rule("o?edema", "oedema",
                    "Interstitial opacities and vascular redistribution suggesting pulmonary oedema.",
                    Urgency.URGENT, "Correlate with fluid status and cardiac function."),
            rule("effusions?", "pleural effusion",
                    "Blunting of the costophrenic angle consistent with a pleural effusion.",
                    Urgency.ROUTINE, "Correlate clinically; ultrasound if quantification is needed."),
            rule("nodul\\w*|mass(es)?", "nodule or mass",
                    "Focal rounded opacity suggesting a pulmonary nodule or mass.",
                    Urgency.ROUTINE, "CT chest for characterisation, following current nodule guidance."),
            rule("cardiomegaly|enlarged (heart|cardiac)", "cardiomegaly",
                    "Enlarged cardiac silhouette (cardiomegaly).",
                    Urgency.ROUTINE, "Echocardiography if clinically indicated."));

    private static final Pattern NORMAL = Pattern.compile("\\b(normal|unremarkable|no acute)\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(no|not|without|negative for|free of)\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.;:,\\n]|\\bbut\\b|\\bhowever\\b");
    private static final String DISCLAIMER = "Simulated output, not a clinical interpretation.";

    private SimulatedFindings() {
    }

    /**
     * @param imageSizes decoded byte size of each image in the request, in order
     * @return {@code {impression, findings, urgency, recommendation, simulated: true}}
     */
    static ObjectNode assess(String userText, List<Integer> imageSizes) {
        List<Rule> present = new ArrayList<>();
        boolean normal = false;
        for (String clause : CLAUSE_BREAK.split(userText.toLowerCase(Locale.ROOT))) {
            for (Rule rule : RULES) {
                Matcher matcher = rule.keyword().matcher(clause);
                if (!matcher.find())
                    continue;
                if (NEGATION.matcher(clause.substring(0, matcher.start())).find())
                    normal = true;
                else if (!present.contains(rule))
                    present.add(rule);
            }
            normal |= NORMAL.matcher(clause).find();
        }
        present.sort(Comparator.comparingInt(RULES::indexOf));
        ObjectNode answer = present.isEmpty() ? withoutFindings(normal) : withFindings(present);
        answer.put("impression", answer.get("impression").asText() + imageNote(imageSizes));
        return answer.put("simulated", true);
    }

    private static ObjectNode withFindings(List<Rule> present) {
        Rule mostUrgent = present.stream()
                .reduce((a, b) -> b.urgency().compareTo(a.urgency()) > 0 ? b : a)
                .orElseThrow();
        String labels = present.stream().map(Rule::label).collect(Collectors.joining(", "));
        return answer("Simulated impression: " + labels + ".", present.stream().map(Rule::finding).toList(),
                mostUrgent.urgency(), mostUrgent.recommendation());
    }

    private static ObjectNode withoutFindings(boolean normal) {
        return normal
                ? answer("Simulated impression: no acute findings.", List.of("No acute findings."),
                        Urgency.ROUTINE, "Routine follow-up as clinically indicated.")
                : answer("Simulated impression: no specific finding identified by the simulator.",
                        List.of("No specific finding identified by the simulator."),
                        Urgency.ROUTINE, "Clinical correlation; review the source report.");
    }

    private static ObjectNode answer(String impression, List<String> findings, Urgency urgency, String recommendation) {
        ObjectNode answer = SimulatorJson.object().put("impression", impression);
        findings.forEach(answer.putArray("findings")::add);
        return answer.put("urgency", urgency.name().toLowerCase(Locale.ROOT))
                .put("recommendation", recommendation + " " + DISCLAIMER);
    }

    private static String imageNote(List<Integer> imageSizes) {
        if (imageSizes.isEmpty())
            return "";
        if (imageSizes.size() == 1)
            return " An image was received (" + imageSizes.get(0) + " bytes decoded).";
        return " " + imageSizes.size() + " images were received ("
                + imageSizes.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " bytes decoded).";
    }

    private static Rule rule(String keyword, String label, String finding, Urgency urgency, String recommendation) {
        return new Rule(Pattern.compile("\\b(" + keyword + ")\\b"), label, finding, urgency, recommendation);
    }
}
