package org.medgemmahub.fhir.embedded;

import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** Resources and bundles shaped like what the hub writes. Callers pass fresh identifiers, so no test sees another's data. */
final class FhirFixtures {
    static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.19.5";
    static final String RESULT_SYSTEM = "urn:medgemmahub:result";
    static final String MODEL_SYSTEM = "urn:medgemmahub:model";
    static final String STUDY_UID_SYSTEM = "urn:dicom:uid";
    static final String LOINC = "http://loinc.org";

    private FhirFixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static Patient patient(String mrn) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
        patient.addName().setFamily("Example");
        return patient;
    }

    static Device model(String version) {
        Device device = new Device();
        device.addIdentifier().setSystem(MODEL_SYSTEM).setValue(version);
        return device;
    }

    /** An inference result about {@code subject}, identified by {@code resultId}. */
    static Observation observation(String resultId, Reference subject) {
        Observation observation = new Observation();
        observation.addIdentifier().setSystem(RESULT_SYSTEM).setValue(resultId);
        observation.setStatus(ObservationStatus.PRELIMINARY);
        observation.getCode().addCoding().setSystem(LOINC).setCode("18748-4").setDisplay("Diagnostic imaging study");
        observation.setSubject(subject);
        observation.setValue(new StringType("No acute findings"));
        return observation;
    }

    /** The subject as the hub writes it when the FHIR server does not know the patient: a logical reference by MRN. */
    static Reference patientByMrn(String mrn) {
        Reference reference = new Reference().setType("Patient");
        reference.getIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
        return reference;
    }

    /**
     * The hub's result transaction: the model's Device, the Observation and its Provenance, each created only if absent, linked
     * through fresh {@code urn:uuid:} placeholders (so sending it twice sends different placeholders, as a redelivery would).
     */
    static Bundle resultTransaction(String resultId, String mrn, String modelVersion) {
        String device = "urn:uuid:" + UUID.randomUUID();
        String observation = "urn:uuid:" + UUID.randomUUID();
        Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl(device).setResource(model(modelVersion)).getRequest()
                .setMethod(HTTPVerb.POST).setUrl("Device").setIfNoneExist("identifier=" + MODEL_SYSTEM + "|" + modelVersion);
        Observation result = observation(resultId, patientByMrn(mrn));
        result.getDevice().setReference(device);
        bundle.addEntry().setFullUrl(observation).setResource(result).getRequest()
                .setMethod(HTTPVerb.POST).setUrl("Observation").setIfNoneExist("identifier=" + RESULT_SYSTEM + "|" + resultId);
        Provenance provenance = new Provenance().setRecorded(new Date());
        provenance.addTarget().setReference(observation);
        provenance.addAgent().getWho().setReference(device);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(provenance).getRequest()
                .setMethod(HTTPVerb.POST).setUrl("Provenance").setIfNoneExist("target=" + observation);
        return bundle;
    }
}
