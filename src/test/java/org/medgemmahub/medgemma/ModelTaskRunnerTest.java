package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTaskRunnerTest {
    private final MedGemmaProperties properties = MedGemmaFixtures.defaults();
    private final PromptTemplates templates = new PromptTemplates("", properties);
    private final List<ModelPrompt> sent = new ArrayList<>();

    private ModelTaskRunner runner(String... answers) {
        ModelBackend scripted = new ModelBackend() {
            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public ModelReply generate(ModelPrompt prompt) {
                sent.add(prompt);
                return new ModelReply(answers[Math.min(sent.size(), answers.length) - 1], "m", false);
            }
        };
        return new ModelTaskRunner(new ModelCallGuard(scripted, properties), templates);
    }

    private ModelPrompt findingsPrompt() {
        return templates.render(templates.get("report-findings"), Map.of("text", "Lungs clear.", "procedure", "XR"), null, null, null);
    }

    @Test
    void parsesAFencedAnswerWithoutARepairRequest() {
        ModelAnswer answer = runner("Here it is:\n```json\n{\"impression\":\"a\",\"findings\":[],\"urgency\":\"routine\",\"recommendation\":\"\"}\n```<end_of_turn>")
                .run("r1", templates.get("report-findings"), findingsPrompt());

        assertThat(answer.parsed().path("urgency").asText()).isEqualTo("routine");
        assertThat(answer.repaired()).isFalse();
        assertThat(sent).hasSize(1);
    }

    @Test
    void makesOneRepairRequestShowingTheAnswerAndUsesItsJson() {
        ModelAnswer answer = runner("The impression is normal lungs.",
                "{\"impression\":\"Normal lungs.\",\"findings\":[],\"urgency\":\"routine\",\"recommendation\":\"\"}")
                .run("r2", templates.get("report-findings"), findingsPrompt());

        assertThat(answer.parsed().path("impression").asText()).isEqualTo("Normal lungs.");
        assertThat(answer.repaired()).isTrue();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).user()).contains("The impression is normal lungs.")
                .contains("impression, findings, urgency, recommendation").contains("no JSON object in the answer");
        assertThat(sent.get(1).maxTokens()).isEqualTo(sent.get(0).maxTokens());
    }

    @Test
    void keepsTheRawTextMarkedUnparsedWhenTheRepairFailsToo() {
        ModelAnswer answer = runner("{\"impression\": \"cut", "still not json")
                .run("r3", templates.get("report-findings"), findingsPrompt());

        assertThat(answer.parsed()).isNull();
        assertThat(answer.parseError()).isEqualTo("JSON object is not closed (answer truncated?) (still unparsed after one repair request)");
        assertThat(answer.reply().text()).isEqualTo("{\"impression\": \"cut");
        assertThat(sent).hasSize(2);
    }

    @Test
    void returnsTextTemplatesCleanedAndUnparsed() {
        ModelAnswer answer = runner("Chest pain has many causes.<end_of_turn>")
                .run("r4", templates.get("medical-context"),
                        templates.render(templates.get("medical-context"), Map.of("symptom", "chest pain"), null, null, null));

        assertThat(answer.text()).isEqualTo("Chest pain has many causes.");
        assertThat(answer.parseError()).isNull();
        assertThat(sent).hasSize(1);
    }
}
