package org.medgemmahub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medgemmahub.pipeline.CodedConcept;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.InferenceResult;
import org.medgemmahub.pipeline.PatientIdentifier;
import org.medgemmahub.pipeline.PipelineJson;
import org.medgemmahub.pipeline.SourceKind;

class ObservationBundleBuilderTest {
    private static FhirResourceValidator validator;
    private final ObservationBundleBuilder builder = new ObservationBundleBuilder();

    @BeforeAll
    static void buildValidator() throws Exception {
        validator = new FhirResourceValidator(FhirContext.forR4Cached());
    }

    static InferenceRequest request() {
        return new InferenceRequest("6f1c2a52-6b0e-3a53-9c1e-1f6f0d1c2b3a", SourceKind.HL7, "MSG00001", "RIS^RADIOLOGY",
                List.of(new PatientIdentifier("MRN12345", "HOSP", "MR")), "ACC778",
                new CodedConcept("LN", "36643-5", "XR Chest 2 views"), "RAD", "report-findings",
                "Right lower lobe consolidation.", null, Instant.parse("2026-11-21T10:00:00Z"),
                Map.of("messageType", "ORU^R01"));
    }

    static InferenceResult parsedResult() throws Exception {
        JsonNode json = PipelineJson.mapper().readTree("""
                {"impression":"Right lower lobe pneumonia.","findings":["consolidation right lower lobe"],
                 "urgency":"urgent","recommendation":"Follow-up radiograph in 6 weeks."}""");
        return new InferenceResult(request().id(), "openai", "google/medgemma-4b-it", "report-findings", "1.0.0",
                json.toString(), json, null, false, 812, 1, Instant.parse("2026-11-21T10:00:05Z"));
    }

    @Test
    void buildsAValidTransactionOfDeviceObservationAndProvenance() throws Exception {
        Bundle bundle = builder.build(request(), parsedResult());

        assertThat(validator.problems(bundle)).isEmpty();
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactly("Device", "Observation", "Provenance");
        assertThat(bundle.getEntry()).allSatisfy(e -> {
            assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
            assertThat(e.getRequest().getIfNoneExist()).isNotBlank();
        });
    }

    @Test
    void marksTheObservationAsAiAssertedPreliminaryAndNeedingReview() throws Exception {
        Observation observation = (Observation) builder.build(request(), parsedResult()).getEntry().get(1).getResource();

        assertThat(observation.getMeta().getSecurity()).singleElement().satisfies(c -> {
            assertThat(c.getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ObservationValue");
            assertThat(c.getCode()).isEqualTo("AIAST");
        });
        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.PRELIMINARY);
        assertThat(observation.getNoteFirstRep().getText()).contains("reviewed by a clinician").contains("google/medgemma-4b-it");
        assertThat(observation.getValueStringType().getValue()).isEqualTo("Right lower lobe pneumonia.");
        assertThat(observation.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("finding", "urgency", "recommendation");
        assertThat(observation.getSubject().getIdentifier().getValue()).isEqualTo("MRN12345");
        assertThat(observation.getSubject().getIdentifier().getSystem()).isEqualTo(FhirNames.ASSIGNING_AUTHORITY_SYSTEM_PREFIX + "HOSP");
        assertThat(observation.getDerivedFromFirstRep().getIdentifier().getValue()).isEqualTo("RIS^RADIOLOGY|MSG00001");
        assertThat(observation.getIdentifierFirstRep().getValue()).isEqualTo(request().id());
    }

    @Test
    void namesModelPromptAndSourceInTheProvenance() throws Exception {
        Bundle bundle = builder.build(request(), parsedResult());
        Provenance provenance = (Provenance) bundle.getEntry().get(2).getResource();
        Device device = (Device) bundle.getEntry().get(0).getResource();

        assertThat(provenance.getTargetFirstRep().getReference()).isEqualTo(bundle.getEntry().get(1).getFullUrl());
        assertThat(provenance.getAgentFirstRep().getWho().getReference()).isEqualTo(bundle.getEntry().get(0).getFullUrl());
        assertThat(provenance.getPolicy()).extracting(p -> p.getValue()).containsExactly(FhirNames.PROMPT_POLICY_PREFIX + "report-findings/1.0.0");
        assertThat(provenance.getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo("RIS^RADIOLOGY|MSG00001");
        assertThat(device.getIdentifierFirstRep().getValue()).isEqualTo("google/medgemma-4b-it");
    }

    @Test
    void buildsTheSameConditionalKeysForTheSameResult() throws Exception {
        Bundle first = builder.build(request(), parsedResult());
        Bundle second = builder.build(PipelineJson.write(new org.medgemmahub.pipeline.CompletedInference(request(), parsedResult())));

        assertThat(second.getEntry()).extracting(e -> e.getRequest().getIfNoneExist())
                .containsExactlyElementsOf(first.getEntry().stream().map(e -> e.getRequest().getIfNoneExist()).toList());
        assertThat(second.getEntry()).extracting(Bundle.BundleEntryComponent::getFullUrl)
                .containsExactlyElementsOf(first.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList());
    }

    @Nested
    class WhenTheAnswerWasNotParsed {
        @Test
        void keepsTheRawTextAsValueAndSaysSoInTheNote() {
            InferenceResult unparsed = new InferenceResult(request().id(), "tgi", "medgemma-simulator", "report-findings", "1.0.0",
                    "The lungs are clear", null, "no JSON object in the answer", true, 10, 2, Instant.parse("2026-11-21T10:00:05Z"));

            Bundle bundle = builder.build(request(), unparsed);
            Observation observation = (Observation) bundle.getEntry().get(1).getResource();

            assertThat(validator.problems(bundle)).isEmpty();
            assertThat(observation.getValueStringType().getValue()).isEqualTo("The lungs are clear");
            assertThat(observation.getNoteFirstRep().getText())
                    .startsWith("SIMULATED")
                    .contains("could not be read as structured findings (no JSON object in the answer)")
                    .contains("cut at the token limit");
        }

        @Test
        void rejectsAnInvalidBundleWithTheValidatorsMessages() throws Exception {
            Bundle bundle = builder.build(request(), parsedResult());
            ((Observation) bundle.getEntry().get(1).getResource()).setStatus(null);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator.requireValid(bundle))
                    .isInstanceOf(FhirResourceInvalidException.class)
                    .hasMessageStartingWith("FHIR-INVALID: ")
                    .hasMessageContaining("Observation.status");
        }
    }
}
