package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ModelRequestShapeTest {
    private final ModelPrompt greedy = new ModelPrompt("You are careful.", "Summarise: lungs clear.", null, 512, 0.0);

    @Test
    void rendersTheGemmaTemplateWithTheSystemTextFoldedIntoTheUserTurnAndNoBos() {
        assertThat(GemmaChatTemplate.render(greedy))
                .isEqualTo("<start_of_turn>user\nYou are careful.\n\nSummarise: lungs clear.<end_of_turn>\n<start_of_turn>model\n");
    }

    @Test
    void asksTgiForGreedyDecodingWithoutTemperatureAndStopsAtEndOfTurn() {
        ObjectNode body = TgiBackend.requestBody(greedy);

        assertThat(body.path("parameters").path("do_sample").asBoolean()).isFalse();
        assertThat(body.path("parameters").has("temperature")).isFalse();
        assertThat(body.path("parameters").path("stop").get(0).asText()).isEqualTo("<end_of_turn>");
        assertThat(body.path("parameters").path("max_new_tokens").asInt()).isEqualTo(512);
    }

    @Test
    void putsTheImageBeforeTheTextInOneUserTurnForOpenAi() {
        ModelPrompt withImage = new ModelPrompt("Sys", "Describe", "AAAA", 100, 0.0);

        ObjectNode body = new OpenAiBackend(null, "google/medgemma-4b-it").requestBody(withImage);

        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).path("content").get(0).path("image_url").path("url").asText())
                .isEqualTo("data:image/jpeg;base64,AAAA");
        assertThat(body.path("messages").get(0).path("content").get(1).path("text").asText()).isEqualTo("Sys\n\nDescribe");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(100);
    }
}
