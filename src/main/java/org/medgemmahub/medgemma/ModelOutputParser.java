package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * Finds the JSON object in a model answer: strips Markdown fences and stray Gemma turn markers, takes the first
 * balanced {@code {...}}, and checks the template's expected fields are there.
 */
final class ModelOutputParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either {@code json} or {@code error} is set. */
    record Parsed(JsonNode json, String error) {
    }

    private ModelOutputParser() {
    }

    /** The answer without stray turn markers and surrounding whitespace. */
    static String clean(String raw) {
        if (raw == null) return "";
        return raw.replace("<end_of_turn>", "").replace("<start_of_turn>model", "").replace("<start_of_turn>user", "")
                .replace("<eos>", "").replace("<bos>", "").strip();
    }

    static Parsed parse(String raw, List<String> expectedFields) {
        if (raw == null || raw.isBlank()) return new Parsed(null, "empty answer");
        String text = clean(raw).replaceAll("```(?:json|JSON)?", "");
        int start = text.indexOf('{');
        if (start < 0) return new Parsed(null, "no JSON object in the answer");
        int end = matchingBrace(text, start);
        if (end < 0) return new Parsed(null, "JSON object is not closed (answer truncated?)");
        JsonNode json;
        try {
            json = JSON.readTree(text.substring(start, end + 1));
        } catch (IOException e) {
            return new Parsed(null, "invalid JSON: " + e.getClass().getSimpleName());
        }
        List<String> missing = expectedFields.stream().filter(f -> !json.has(f)).toList();
        return missing.isEmpty() ? new Parsed(json, null) : new Parsed(null, "JSON lacks expected fields " + missing);
    }

    /** Index of the brace closing the one at {@code start}, skipping braces inside strings; -1 if none. */
    private static int matchingBrace(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
