package org.medgemmahub.medgemma;

/**
 * Renders a single-turn Gemma 3 chat prompt for raw-text endpoints (TGI {@code /} and {@code /generate}).
 * No leading {@code <bos>}: raw endpoints add it themselves, and a second one degrades the answer. An image goes
 * between the folded system text and the question as an inline Markdown data URI, the form TGI turns into Gemma's image tokens.
 */
final class GemmaChatTemplate {
    static final String END_OF_TURN = "<end_of_turn>";

    private GemmaChatTemplate() {
    }

    static String render(ModelPrompt prompt) {
        String image = prompt.hasImage() ? "![](data:image/jpeg;base64," + prompt.imageJpegBase64() + ")" : "";
        String system = prompt.system() == null || prompt.system().isBlank() ? "" : prompt.system().strip() + "\n\n";
        return "<start_of_turn>user\n" + system + image + prompt.user().strip() + END_OF_TURN + "\n<start_of_turn>model\n";
    }
}
