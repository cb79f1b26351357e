package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelOutputParserTest {
    private static final List<String> FIELDS = List.of("impression", "findings");

    @Test
    void readsAPlainJsonObject() {
        var parsed = ModelOutputParser.parse("{\"impression\":\"Normal.\",\"findings\":[]}", FIELDS);

        assertThat(parsed.error()).isNull();
        assertThat(parsed.json().get("impression").asText()).isEqualTo("Normal.");
    }

    @Test
    void stripsMarkdownFencesTurnMarkersAndSurroundingProse() {
        String answer = "Here is the summary you asked for:\n```json\n{\"impression\":\"Effusion {left}.\",\"findings\":[\"a \\\"}\\\" brace\"]}\n```\nHope this helps.<end_of_turn>";

        var parsed = ModelOutputParser.parse(answer, FIELDS);

        assertThat(parsed.error()).isNull();
        assertThat(parsed.json().get("impression").asText()).isEqualTo("Effusion {left}.");
        assertThat(parsed.json().get("findings").get(0).asText()).isEqualTo("a \"}\" brace");
    }

    @Nested
    class Failures {
        @Test
        void saysWhenThereIsNoJson() {
            assertThat(ModelOutputParser.parse("The lungs are clear.", FIELDS).error()).isEqualTo("no JSON object in the answer");
        }

        @Test
        void saysWhenTheObjectIsCutOff() {
            assertThat(ModelOutputParser.parse("{\"impression\":\"Normal", FIELDS).error()).contains("not closed");
        }

        @Test
        void namesTheMissingFields() {
            assertThat(ModelOutputParser.parse("{\"impression\":\"x\"}", FIELDS).error()).isEqualTo("JSON lacks expected fields [findings]");
        }

        @Test
        void saysWhenTheAnswerIsEmpty() {
            assertThat(ModelOutputParser.parse("  ", FIELDS).error()).isEqualTo("empty answer");
        }
    }
}
