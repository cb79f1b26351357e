package org.medgemmahub.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simulator's stand-in for a tokenizer: one token per whitespace-separated word. */
final class WordTokens {
    /** What Gemma 3 spends on one image, whatever its size. */
    static final int TOKENS_PER_IMAGE = 256;

    private static final Pattern WORD = Pattern.compile("\\S+");

    private WordTokens() {
    }

    static int count(String text) {
        Matcher matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find())
            count++;
        return count;
    }

    /** The text up to the end of its {@code max}-th word; the whole text when it has no more words than that. */
    static String firstWords(String text, int max) {
        Matcher matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            if (++count == max)
                return text.substring(0, matcher.end());
        }
        return text;
    }
}
