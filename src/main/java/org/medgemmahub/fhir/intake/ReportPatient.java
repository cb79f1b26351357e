package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.medgemmahub.fhir.FhirNames;
import org.medgemmahub.pipeline.PatientIdentifier;

/** The patient identifiers of a report's subject: its logical identifier, or those of the Patient it refers to. */
final class ReportPatient {
    /** Identifier system for a patient known only by its resource id. */
    static final String PATIENT_ID_SYSTEM = FhirNames.HUB_BASE + "/sid/fhir-patient-id";

    private ReportPatient() {
    }

    static List<PatientIdentifier> identifiers(Reference subject, ReportResources resources) {
        if (subject.hasIdentifier() && subject.getIdentifier().hasValue() && !subject.hasReference())
            return List.of(of(subject.getIdentifier()));
        if (!subject.hasReference())
            throw new UnprocessableEntityException("FHIR-INTAKE-UNKNOWN-PATIENT: DiagnosticReport.subject has neither a reference "
                    + "nor an identifier, so the result could not be filed to a patient");
        String target = subject.getReference();
        String type = target.startsWith("#") || target.startsWith("urn:") ? null : new org.hl7.fhir.r4.model.IdType(target).getResourceType();
        if (type != null && !type.equals("Patient"))
            throw new UnprocessableEntityException("FHIR-INTAKE-SUBJECT-TYPE: DiagnosticReport.subject refers to a " + type
                    + "; the hub files results to patients only");
        Patient patient = resources.find(subject, Patient.class).orElseThrow(() -> new UnprocessableEntityException(
                "FHIR-INTAKE-UNKNOWN-PATIENT: DiagnosticReport.subject " + target + " is not in the request"
                        + (resources.canRead() ? " and could not be read from the FHIR server" : "")));
        List<PatientIdentifier> identifiers = patient.getIdentifier().stream().filter(Identifier::hasValue).map(ReportPatient::of).toList();
        if (!identifiers.isEmpty()) return identifiers;
        if (subject.hasIdentifier() && subject.getIdentifier().hasValue()) return List.of(of(subject.getIdentifier()));
        if (!patient.getIdElement().hasIdPart())
            throw new UnprocessableEntityException("FHIR-INTAKE-UNKNOWN-PATIENT: the Patient " + target + " has no identifier and no id");
        return List.of(new PatientIdentifier(patient.getIdElement().getIdPart(), PATIENT_ID_SYSTEM, null));
    }

    private static PatientIdentifier of(Identifier identifier) {
        String type = identifier.getType().getCoding().stream().filter(c -> c.hasCode()).map(c -> c.getCode()).findFirst().orElse(null);
        return new PatientIdentifier(identifier.getValue(), identifier.getSystem(), type);
    }
}
