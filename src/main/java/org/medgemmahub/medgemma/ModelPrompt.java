package org.medgemmahub.medgemma;

/**
 * One model call, independent of the wire format.
 *
 * @param system          instructions; folded into the first user turn (Gemma has no system turn)
 * @param user            the question with the report text
 * @param imageJpegBase64 one JPEG, base64, or null
 * @param maxTokens       output token limit, already capped
 * @param temperature     0 means greedy
 */
public record ModelPrompt(String system, String user, String imageJpegBase64, int maxTokens, double temperature) {
    public ModelPrompt {
        if (user == null || user.isBlank()) throw new IllegalArgumentException("prompt user text must not be blank");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be at least 1");
    }

    /** System text and user text as one user turn, separated by a blank line as Gemma's template does. */
    public String foldedUserText() {
        return system == null || system.isBlank() ? user.strip() : system.strip() + "\n\n" + user.strip();
    }

    public boolean hasImage() {
        return imageJpegBase64 != null && !imageJpegBase64.isEmpty();
    }
}
