package org.medgemmahub.fhir;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.medgemmahub.pipeline.InferenceRequest;

/** A logical reference to the input a result was derived from, by the identifier its channel gives it. */
final class SourceReferences {
    private SourceReferences() {
    }

    static Reference of(InferenceRequest request) {
        return switch (request.sourceKind()) {
            case HL7 -> new Reference().setType("DocumentReference")
                    .setIdentifier(new Identifier().setSystem(FhirNames.HL7_MESSAGE_SYSTEM).setValue(request.sender() + "|" + request.sourceId()))
                    .setDisplay("HL7 v2 " + request.trace().getOrDefault("messageType", "message") + " " + request.sourceId());
            case DICOM -> new Reference().setType("ImagingStudy")
                    .setIdentifier(new Identifier().setSystem("urn:dicom:uid").setValue("urn:oid:" + request.sourceId()))
                    .setDisplay(request.accessionNumber() == null ? "DICOM study"
                            : "DICOM study, accession " + request.accessionNumber());
            case FHIR -> new Reference().setType("DiagnosticReport")
                    .setIdentifier(new Identifier().setSystem(FhirNames.FHIR_REPORT_SYSTEM).setValue(request.sourceId()))
                    .setDisplay("FHIR DiagnosticReport " + request.sourceId());
        };
    }
}
