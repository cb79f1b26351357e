package org.medgemmahub.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.medgemmahub.pipeline.InferenceResult;

/**
 * Puts the model's structured answer into an Observation: the impression as the value, each finding, the urgency
 * and the recommendation as components. An unparsed answer becomes the value as raw text.
 */
final class ResultContent {
    private ResultContent() {
    }

    static void addTo(Observation observation, InferenceResult result) {
        JsonNode parsed = result.parsed();
        if (parsed == null) {
            observation.setValue(ObservationBundleBuilder.text(result.rawText() == null || result.rawText().isBlank()
                    ? "(empty answer)" : result.rawText().strip()));
            return;
        }
        String impression = parsed.path("impression").asText("").strip();
        observation.setValue(ObservationBundleBuilder.text(impression.isEmpty() ? "(no impression given)" : impression));
        for (JsonNode finding : parsed.path("findings")) {
            String text = finding.isTextual() ? finding.asText() : finding.toString();
            if (!text.isBlank()) component(observation, FhirNames.CODE_FINDING, text.strip());
        }
        String urgency = parsed.path("urgency").asText("").strip();
        if (!urgency.isEmpty()) component(observation, FhirNames.CODE_URGENCY, urgency);
        String recommendation = parsed.path("recommendation").asText("").strip();
        if (!recommendation.isEmpty()) component(observation, FhirNames.CODE_RECOMMENDATION, recommendation);
    }

    private static void component(Observation observation, String code, String value) {
        observation.addComponent()
                .setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(FhirNames.RESULT_CODE_SYSTEM, code, null)))
                .setValue(ObservationBundleBuilder.text(value));
    }
}
