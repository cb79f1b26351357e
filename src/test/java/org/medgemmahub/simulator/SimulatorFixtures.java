package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/** Named requests for the simulator tests; built with Jackson so prompts need no hand escaping. */
final class SimulatorFixtures {
    static final String SYSTEM = "You are an expert radiologist. Answer with one JSON object.";
    static final String CONSOLIDATION_REPORT = "Chest X-ray: right lower lobe consolidation. Heart size normal.";
    static final String PNEUMOTHORAX_REPORT = "Large left pneumothorax with mediastinal shift.";
    static final String FRACTURE_REPORT = "Displaced fracture of the distal radius.";
    /** A JPEG start-of-image marker padded to a known size; the simulator only decodes, it does not render. */
    static final byte[] TINY_JPEG = tinyJpeg(321);

    private SimulatorFixtures() {
    }

    /** The Gemma 3 prompt the hub must send to TGI: no {@code <bos>}, system folded into the user turn. */
    static String gemmaPrompt(String userText) {
        return "<start_of_turn>user\n" + SYSTEM + "\n\n" + userText + "<end_of_turn>\n<start_of_turn>model\n";
    }

    static String gemmaPromptWithImage(String userText) {
        return gemmaPrompt("![](" + jpegDataUri() + ")" + userText);
    }

    static String tgiRequest(String inputs) {
        return tgiRequest(inputs, 512);
    }

    static String tgiRequest(String inputs, int maxNewTokens) {
        ObjectNode request = SimulatorClient.JSON.createObjectNode().put("inputs", inputs);
        request.putObject("parameters")
                .put("max_new_tokens", maxNewTokens)
                .put("do_sample", false)
                .put("details", true)
                .put("seed", 42);
        return request.toString();
    }

    static String tgiRequestWithParameter(String name, double value) {
        ObjectNode request = SimulatorClient.JSON.createObjectNode().put("inputs", gemmaPrompt(CONSOLIDATION_REPORT));
        request.putObject("parameters").put(name, value);
        return request.toString();
    }

    static ObjectNode chatRequest(String userText) {
        ObjectNode request = SimulatorClient.JSON.createObjectNode()
                .put("model", "google/medgemma-4b-it")
                .put("max_tokens", 512)
                .put("temperature", 0);
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", userText);
        return request;
    }

    /** A user message whose content is a list: the text part, then {@code images} image parts. */
    static ObjectNode chatRequestWithImages(String userText, String... imageUrls) {
        ObjectNode request = chatRequest(userText);
        ArrayNode messages = (ArrayNode) request.get("messages");
        messages.remove(1);
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", userText);
        for (String url : imageUrls)
            content.addObject().put("type", "image_url").putObject("image_url").put("url", url);
        return request;
    }

    static ObjectNode chatRequestWithRoles(String... roles) {
        ObjectNode request = chatRequest("unused");
        ArrayNode messages = request.putArray("messages");
        for (String role : roles)
            messages.addObject().put("role", role).put("content", role + " says " + CONSOLIDATION_REPORT);
        return request;
    }

    static String jpegDataUri() {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(TINY_JPEG);
    }

    private static byte[] tinyJpeg(int size) {
        byte[] jpeg = new byte[size];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        for (int i = 3; i < size; i++)
            jpeg[i] = (byte) i;
        return jpeg;
    }
}
