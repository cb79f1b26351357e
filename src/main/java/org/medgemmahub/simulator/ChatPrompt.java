package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code messages} of a chat request, checked as the Gemma 3 template and vLLM check them: an optional leading
 * system message, then user/assistant alternating from user; string or list content; at most N images, each a
 * base64 data URI.
 *
 * @param userText   the text of the last user message
 * @param imageSizes decoded byte size of each image in the conversation, in order
 * @param tokens     prompt length in simulator tokens, images included
 */
record ChatPrompt(String userText, List<Integer> imageSizes, int tokens) {
    static final String ROLES_ERROR = "Conversation roles must alternate user/assistant/user/assistant/...";

    static ChatPrompt parse(JsonNode messages, int maxImages) throws RejectedRequest {
        if (messages == null || !messages.isArray() || messages.isEmpty())
            throw RejectedRequest.badRequest("`messages` must be a non-empty list of messages");
        StringBuilder allText = new StringBuilder();
        List<String> imageUris = new ArrayList<>();
        String userText = "";
        int turn = 0;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            if (!(i == 0 && role.equals("system"))) {
                String expected = turn % 2 == 0 ? "user" : "assistant";
                if (!role.equals(expected))
                    throw RejectedRequest.badRequest(ROLES_ERROR);
                turn++;
            }
            String text = contentText(message.get("content"), imageUris);
            allText.append(text).append('\n');
            if (role.equals("user"))
                userText = text;
        }
        if (imageUris.size() > maxImages)
            throw RejectedRequest.badRequest("At most " + maxImages + " image(s) may be provided in one request.");
        List<Integer> imageSizes = new ArrayList<>();
        for (String uri : imageUris)
            imageSizes.add(decode(uri));
        int tokens = WordTokens.count(allText.toString()) + WordTokens.TOKENS_PER_IMAGE * imageSizes.size();
        return new ChatPrompt(userText, List.copyOf(imageSizes), tokens);
    }

    /** Collects image URLs into {@code imageUris} and returns the message's text parts joined by a blank line. */
    private static String contentText(JsonNode content, List<String> imageUris) throws RejectedRequest {
        if (content == null || content.isNull())
            return "";
        if (content.isTextual())
            return content.asText();
        if (!content.isArray())
            throw RejectedRequest.badRequest("message `content` must be a string or a list of content parts");
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content) {
            switch (part.path("type").asText("")) {
                case "text" -> texts.add(requireText(part.get("text"), "text"));
                case "image_url" -> imageUris.add(requireText(part.path("image_url").get("url"), "image_url.url"));
                default -> throw RejectedRequest.badRequest(
                        "content part `type` must be `text` or `image_url` in the simulator");
            }
        }
        return String.join("\n\n", texts);
    }

    private static String requireText(JsonNode node, String field) throws RejectedRequest {
        if (node == null || !node.isTextual())
            throw RejectedRequest.badRequest("content part `" + field + "` must be a string");
        return node.asText();
    }

    private static int decode(String uri) throws RejectedRequest {
        try {
            return ImageDataUri.decodedSize(uri);
        } catch (IllegalArgumentException e) {
            throw RejectedRequest.badRequest("Invalid image: " + e.getMessage());
        }
    }
}
