package org.medgemmahub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineJsonTest {

    @Test
    void carriesACompletedInferenceThroughTheQueueUnchanged() throws Exception {
        InferenceRequest request = new InferenceRequest(RequestIds.of(SourceKind.HL7, "RIS^HOSP", "MSG1", "1"), SourceKind.HL7,
                "MSG1", "RIS^HOSP", List.of(new PatientIdentifier("MRN1", "1.2.3", "MR")), "ACC1",
                new CodedConcept("LN", "36643-5", "XR chest"), "RAD", "report-findings", "Lungs clear.", null,
                Instant.parse("2026-11-21T10:00:00Z"), Map.of("messageType", "ORU^R01"));
        InferenceResult result = new InferenceResult(request.id(), "openai", "m", "report-findings", "1.0.0", "{...}",
                PipelineJson.mapper().readTree("{\"impression\":\"Normal.\",\"simulated\":true}"), null, false, 12, 3,
                Instant.parse("2026-11-21T10:00:01Z"));

        CompletedInference back = PipelineJson.read(PipelineJson.write(new CompletedInference(request, result)), CompletedInference.class);

        assertThat(back.request()).isEqualTo(request);
        assertThat(back.result()).isEqualTo(result);
        assertThat(back.result().parsed().path("simulated").asBoolean()).isTrue();
    }

    @Test
    void derivesTheSameRequestIdFromTheSameSourceParts() {
        assertThat(RequestIds.of(SourceKind.HL7, "A", "B|C")).isEqualTo(RequestIds.of(SourceKind.HL7, "A", "B|C"))
                .isNotEqualTo(RequestIds.of(SourceKind.HL7, "A|B", "C"))
                .isNotEqualTo(RequestIds.of(SourceKind.DICOM, "A", "B|C"));
    }

    @Test
    void refusesAMessageThatIsNotARequest() {
        assertThatThrownBy(() -> PipelineJson.read("{\"text\":\"x\"}", InferenceRequest.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("not a valid InferenceRequest message");
    }
}
