package org.medgemmahub.medgemma;

/**
 * Renders a single-turn Gemma 3 chat prompt for raw-text endpoints (TGI {@code /generate}).
 * No leading {@code <bos>}: raw endpoints add it themselves, and a second one degrades the answer.
 */
final class GemmaChatTemplate {
    static final String END_OF_TURN = "<end_of_turn>";

    private GemmaChatTemplate() {
    }

    static String render(ModelPrompt prompt) {
        return "<start_of_turn>user\n" + prompt.foldedUserText() + END_OF_TURN + "\n<start_of_turn>model\n";
    }
}
