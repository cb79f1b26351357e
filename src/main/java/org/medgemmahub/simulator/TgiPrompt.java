package org.medgemmahub.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw TGI prompt, checked to be the Gemma 3 chat template the hub must render itself: no {@code <bos>} (TGI adds
 * it), a first user turn, and an open model turn at the end. Images are inline Markdown, as TGI expects them.
 *
 * @param userText   the last user turn without its images
 * @param imageSizes decoded byte size of each inline image, in order
 * @param tokens     prompt length in simulator tokens, images included
 */
record TgiPrompt(String userText, List<Integer> imageSizes, int tokens) {
    static final String USER_TURN = "<start_of_turn>user\n";
    static final String MODEL_TURN = "<start_of_turn>model\n";
    static final String END_OF_TURN = "<end_of_turn>";
    static final String TEMPLATE_ERROR = "Template error: simulator expects a Gemma 3 chat prompt without <bos> "
            + "(TGI adds it), starting with <start_of_turn>user\\n and ending with <start_of_turn>model\\n";

    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]*]\\(([^)\\s]*)\\)");

    static TgiPrompt parse(String inputs) throws RejectedRequest {
        if (inputs.startsWith("<bos>") || !inputs.startsWith(USER_TURN) || !inputs.endsWith(MODEL_TURN))
            throw RejectedRequest.apiError(422, "template_error", TEMPLATE_ERROR);
        List<Integer> imageSizes = new ArrayList<>();
        Matcher image = MARKDOWN_IMAGE.matcher(inputs);
        while (image.find()) {
            try {
                imageSizes.add(ImageDataUri.decodedSize(image.group(1)));
            } catch (IllegalArgumentException e) {
                throw RejectedRequest.tgiValidation("invalid image content: " + e.getMessage());
            }
        }
        String withoutImages = MARKDOWN_IMAGE.matcher(inputs).replaceAll(" ");
        int tokens = WordTokens.count(withoutImages) + WordTokens.TOKENS_PER_IMAGE * imageSizes.size();
        return new TgiPrompt(lastUserTurn(withoutImages), List.copyOf(imageSizes), tokens);
    }

    private static String lastUserTurn(String prompt) {
        int start = prompt.lastIndexOf(USER_TURN) + USER_TURN.length();
        int end = prompt.indexOf(END_OF_TURN, start);
        return prompt.substring(start, end >= 0 ? end : Math.max(start, prompt.length() - MODEL_TURN.length()));
    }
}
