package org.medgemmahub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedFindingsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Small apical pneumothorax.                | critical | pneumothorax",
            "Acute subdural haemorrhage.               | critical | haemorrhage",
            "Patchy consolidation in the left base.    | urgent   | consolidation",
            "Findings consistent with pneumonia.       | urgent   | consolidation",
            "Transverse fracture of the left femur.    | urgent   | fracture",
            "Small right pleural effusion.             | routine  | pleural effusion",
            "8 mm nodule in the right upper lobe.      | routine  | nodule or mass",
            "Cardiomegaly without decompensation.      | routine  | cardiomegaly"})
    void picksFindingAndUrgencyByKeyword(String text, String urgency, String label) {
        JsonNode answer = SimulatedFindings.assess(text, List.of());

        assertThat(answer.get("urgency").asText()).isEqualTo(urgency);
        assertThat(answer.get("impression").asText()).isEqualTo("Simulated impression: " + label + ".");
        assertThat(answer.get("findings")).hasSize(1);
        assertThat(answer.get("simulated").asBoolean()).isTrue();
    }

    @Test
    void listsEveryFindingAndTakesTheMostUrgent() {
        JsonNode answer = SimulatedFindings.assess("Right pleural effusion. Left pneumothorax. Rib fracture.", List.of());

        assertThat(answer.get("impression").asText())
                .isEqualTo("Simulated impression: pneumothorax, fracture, pleural effusion.");
        assertThat(answer.get("findings")).hasSize(3);
        assertThat(answer.get("urgency").asText()).isEqualTo("critical");
        assertThat(answer.get("recommendation").asText()).startsWith("Notify the treating clinician immediately");
    }

    @Test
    void treatsNegatedKeywordsAsNormal() {
        JsonNode answer = SimulatedFindings.assess("No pleural effusion or pneumothorax. Lungs are clear.", List.of());

        assertThat(answer.get("findings")).extracting(JsonNode::asText).containsExactly("No acute findings.");
        assertThat(answer.get("urgency").asText()).isEqualTo("routine");
    }

    @Test
    void saysNoAcuteFindingsForUnremarkableStudy() {
        JsonNode answer = SimulatedFindings.assess("Unremarkable chest radiograph.", List.of());

        assertThat(answer.get("impression").asText()).isEqualTo("Simulated impression: no acute findings.");
    }

    @Test
    void saysNothingSpecificForTextWithoutKeywords() {
        JsonNode answer = SimulatedFindings.assess("Please review.", List.of());

        assertThat(answer.get("findings")).extracting(JsonNode::asText)
                .containsExactly("No specific finding identified by the simulator.");
    }

    @Test
    void notesEveryImageAndItsDecodedSize() {
        assertThat(SimulatedFindings.assess("Please review.", List.of(1024)).get("impression").asText())
                .endsWith(" An image was received (1024 bytes decoded).");
        assertThat(SimulatedFindings.assess("Please review.", List.of(10, 20)).get("impression").asText())
                .endsWith(" 2 images were received (10, 20 bytes decoded).");
    }

    @Test
    void marksTheRecommendationAsSimulated() {
        JsonNode answer = SimulatedFindings.assess("Cardiomegaly.", List.of());

        assertThat(answer.get("recommendation").asText()).endsWith("Simulated output, not a clinical interpretation.");
    }
}
