package org.medgemmahub.pipeline;

/** Where an inference request came from; decides how its result is linked back to the source. */
public enum SourceKind {
    HL7,
    FHIR,
    DICOM
}
