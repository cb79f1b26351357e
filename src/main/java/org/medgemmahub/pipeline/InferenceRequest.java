package org.medgemmahub.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One unit of work for the model, as it travels on the requests queue (serialized as JSON).
 *
 * @param id                 stable id derived from the source (see {@link RequestIds}); the same input always gets the same id
 * @param sourceKind         channel the input arrived on
 * @param sourceId           the source's own id, readable: MSH-10, DiagnosticReport id/version, SOP Instance UID
 * @param sender             who sent it: MSH-3^MSH-4, calling AE title, FHIR client
 * @param patientIdentifiers the patient's identifiers, never names
 * @param accessionNumber    accession / placer or filler order number, or null
 * @param procedure          the ordered procedure or report type, or null
 * @param modality           DICOM modality or report category, or null
 * @param task               prompt template to use, e.g. {@code report-findings}
 * @param text               the report text, or null for an image-only request
 * @param imageJpegBase64    one JPEG image, base64, or null
 * @param receivedAt         when the hub received the input
 * @param trace              correlation and trace headers carried along
 */
public record InferenceRequest(
        String id,
        SourceKind sourceKind,
        String sourceId,
        String sender,
        List<PatientIdentifier> patientIdentifiers,
        String accessionNumber,
        CodedConcept procedure,
        String modality,
        String task,
        String text,
        String imageJpegBase64,
        Instant receivedAt,
        Map<String, String> trace) {

    public InferenceRequest {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("request id must not be blank");
        if (sourceKind == null) throw new IllegalArgumentException("request source kind is required");
        if (task == null || task.isBlank()) throw new IllegalArgumentException("request task is required");
        patientIdentifiers = patientIdentifiers == null ? List.of() : List.copyOf(patientIdentifiers);
        trace = trace == null ? Map.of() : Map.copyOf(trace);
    }
}
