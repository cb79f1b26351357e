package org.medgemmahub.medgemma;

import org.medgemmahub.pipeline.ImageTasks;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptTemplatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"report-findings", "image-findings", "image-findings-chest-xray", "image-findings-ct",
            "image-findings-mri", "image-findings-pathology", "image-findings-dermatology", "image-findings-ophthalmology",
            "medical-context", "free-question", "json-repair"})
    void loadsEveryPackagedTemplateWithItsIdAndVersion(String task) {
        PromptTemplate template = new PromptTemplates("", MedGemmaFixtures.defaults()).get(task);

        assertThat(template.id()).isEqualTo(task);
        assertThat(template.version()).matches("\\d+\\.\\d+\\.\\d+");
        if (task.startsWith("image-findings")) {
            assertThat(template.expectedFields()).containsExactly("impression", "findings", "urgency", "recommendation");
        }
    }

    @Test
    void capsTextCallsAtTheDefaultMaxTokensWhateverTheCallerAsks() {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", "http://127.0.0.1:1");
        settings.defaultMaxTokens = 300;
        PromptTemplates templates = new PromptTemplates("", settings.build());

        ModelPrompt prompt = templates.render(templates.get("free-question"), Map.of("text", "Why?"), null, 5000, null);

        assertThat(prompt.maxTokens()).isEqualTo(300);
        assertThat(prompt.temperature()).isEqualTo(0.0);
    }

    @Test
    void usesTheImageTemperatureAndCapForImageCalls() {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", "http://127.0.0.1:1");
        settings.imageMaxTokens = 200;
        settings.imageTemperature = 0.3;
        PromptTemplates templates = new PromptTemplates("", settings.build());

        ModelPrompt prompt = templates.render(templates.get("image-findings-ct"), Map.of("text", "q", "modality", "CT"), "AAAA", null, null);

        assertThat(prompt.maxTokens()).isEqualTo(200);
        assertThat(prompt.temperature()).isEqualTo(0.3);
        assertThat(prompt.user()).contains("Modality: CT").doesNotContain("{{");
    }

    @Test
    void takesATemplateFromTheOverrideDirectoryFirst(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("free-question.yaml"), """
                id: free-question
                version: "2.0.0"
                output: text
                user: "Local: {{text}}"
                """);

        PromptTemplate template = new PromptTemplates(dir.toString(), MedGemmaFixtures.defaults()).get("free-question");

        assertThat(template.version()).isEqualTo("2.0.0");
        assertThat(template.user()).isEqualTo("Local: {{text}}");
    }

    @Test
    void choosesTheImageTemplateByModality() {
        assertThat(ImageTasks.forModality("DX")).isEqualTo("image-findings-chest-xray");
        assertThat(ImageTasks.forModality("MR")).isEqualTo("image-findings-mri");
        assertThat(ImageTasks.forModality("SM")).isEqualTo("image-findings-pathology");
        assertThat(ImageTasks.forModality("US")).isEqualTo("image-findings");
        assertThat(ImageTasks.forModality(null)).isEqualTo("image-findings");
    }
}
