package org.medgemmahub.pipeline;

/** A code as sent by the source (OBR-4, DiagnosticReport.code, DICOM procedure); any part may be null. */
public record CodedConcept(String system, String code, String display) {
}
