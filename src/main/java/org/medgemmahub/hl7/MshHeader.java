package org.medgemmahub.hl7;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MSH segment of a raw ER7 message, read without HAPI so that a message HAPI cannot parse can still be checked
 * and answered. Values are the raw field text in the sender's delimiters.
 */
record MshHeader(char fieldSeparator, String encodingCharacters, List<String> fields) {

    /** MSH-2 as every version we accept defines it: component, repetition, escape, subcomponent. */
    private static final int ENCODING_CHARACTER_COUNT = 4;

    /** Reads the MSH at the start of {@code raw} (leading whitespace skipped); empty when there is none. */
    static Optional<MshHeader> read(String raw) {
        if (raw == null) return Optional.empty();
        int start = 0;
        while (start < raw.length() && isLeadingJunk(raw.charAt(start))) start++;
        if (!raw.startsWith("MSH", start)) return Optional.empty();
        int end = start;
        while (end < raw.length() && raw.charAt(end) != '\r' && raw.charAt(end) != '\n') end++;
        String segment = raw.substring(start, end);
        if (segment.length() < 4) return Optional.empty();
        char separator = segment.charAt(3);
        List<String> parts = List.of(segment.split(Pattern.quote(String.valueOf(separator)), -1));
        String encoding = parts.size() > 1 ? parts.get(1) : "";
        return Optional.of(new MshHeader(separator, encoding, parts));
    }

    private static boolean isLeadingJunk(char c) {
        return Character.isWhitespace(c) || c == '\u000b' || c == '\ufeff';
    }

    boolean hasValidEncodingCharacters() {
        if (encodingCharacters.length() != ENCODING_CHARACTER_COUNT) return false;
        String all = fieldSeparator + encodingCharacters;
        for (int i = 0; i < all.length(); i++) {
            if (!isDelimiterCandidate(all.charAt(i)) || all.indexOf(all.charAt(i)) != i) return false;
        }
        return true;
    }

    private static boolean isDelimiterCandidate(char c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }

    /** MSH-n as sent, or "" when absent; MSH-1 is the field separator itself. */
    String field(int n) {
        if (n == 1) return String.valueOf(fieldSeparator);
        int index = n - 1;
        return index < fields.size() ? fields.get(index) : "";
    }

    /** Component c (1-based) of MSH-n, first repetition, or "" when absent. */
    String component(int n, int c) {
        String value = field(n);
        if (encodingCharacters.length() > 1) {
            int repetition = value.indexOf(encodingCharacters.charAt(1));
            if (repetition >= 0) value = value.substring(0, repetition);
        }
        if (encodingCharacters.isEmpty()) return c == 1 ? value : "";
        String[] components = value.split(Pattern.quote(encodingCharacters.substring(0, 1)), -1);
        return c <= components.length ? components[c - 1] : "";
    }

    String messageType() {
        return component(9, 1);
    }

    String triggerEvent() {
        return component(9, 2);
    }

    String controlId() {
        return field(10);
    }

    String processingId() {
        return component(11, 1);
    }

    String version() {
        return component(12, 1);
    }
}
