package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAI chat form of a prompt (OpenAI-compatible servers and Vertex chatCompletions): one user turn with the
 * system text folded in, content as a list, the image block (JPEG data URI) before the text block; and the
 * reading of a {@code chat.completion} answer.
 */
final class ChatMessages {
    private ChatMessages() {
    }

    static ArrayNode of(ModelPrompt prompt) {
        ArrayNode messages = JsonNodeFactory.instance.arrayNode();
        ObjectNode user = messages.addObject();
        user.put("role", "user");
        ArrayNode content = user.putArray("content");
        if (prompt.hasImage()) {
            content.addObject().put("type", "image_url")
                    .putObject("image_url").put("url", "data:image/jpeg;base64," + prompt.imageJpegBase64());
        }
        content.addObject().put("type", "text").put("text", prompt.foldedUserText());
        return messages;
    }

    /** Text, model and truncation of a {@code chat.completion}; {@code fallbackModel} when the server names none. */
    static ModelReply reply(JsonNode completion, String fallbackModel, String label) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode content = choice.path("message").get("content");
        if (content == null || !content.isTextual()) {
            throw new ModelUnavailableException("MODEL-BAD-RESPONSE", 200, label + ": chat completion has no message content",
                    null, false, null);
        }
        String reportedModel = completion.path("model").asText("");
        return new ModelReply(content.asText(), reportedModel.isBlank() ? fallbackModel : reportedModel,
                "length".equals(choice.path("finish_reason").asText()));
    }
}
