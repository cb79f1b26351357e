package org.medgemmahub.fhir.intake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** DiagnosticReports as FHIR systems send them, each with a fresh patient identifier so tests do not see each other's results. */
public final class IntakeFixtures {
    public static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.19.5";
    static final String CHEST_XR = "36643-5";

    private IntakeFixtures() {
    }

    public static String uniqueMrn() {
        return "MRN-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A final chest X-ray report with a conclusion, its subject given by identifier. */
    public static DiagnosticReport chestReport(String mrn) {
        DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReportStatus.FINAL);
        report.getCode().addCoding(new Coding("http://loinc.org", CHEST_XR, "XR Chest 2 Views"));
        report.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")));
        report.setSubject(new Reference().setType("Patient").setIdentifier(new Identifier().setSystem(MRN_SYSTEM).setValue(mrn)));
        report.setConclusion("Right lower lobe consolidation. Small right pleural effusion.");
        return report;
    }

    static Patient patient(String id, String mrn) {
        Patient patient = new Patient();
        patient.setId(id);
        patient.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
        return patient;
    }

    static Attachment textAttachment(String contentType, String text) {
        return new Attachment().setContentType(contentType).setData(text.getBytes(StandardCharsets.UTF_8));
    }

    static Observation hemoglobin() {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding(new Coding("http://loinc.org", "718-7", "Hemoglobin [Mass/volume] in Blood"));
        observation.setValue(new Quantity().setValue(7.2).setUnit("g/dL"));
        observation.addInterpretation(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "LL", "Critical low")));
        return observation;
    }

    /** A transaction bundle: a Patient, a result Observation and a report referring to both by placeholder. */
    static Bundle reportBundle(String mrn, Bundle.BundleType type) {
        Bundle bundle = new Bundle().setType(type);
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        String resultUrl = "urn:uuid:" + UUID.randomUUID();
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
        add(bundle, patientUrl, patient, "Patient");
        add(bundle, resultUrl, hemoglobin(), "Observation");
        DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReportStatus.FINAL);
        report.getCode().addCoding(new Coding("http://loinc.org", "58410-2", "CBC panel"));
        report.setSubject(new Reference(patientUrl));
        report.addResult(new Reference(resultUrl));
        add(bundle, "urn:uuid:" + UUID.randomUUID(), report, "DiagnosticReport");
        return bundle;
    }

    private static void add(Bundle bundle, String fullUrl, org.hl7.fhir.r4.model.Resource resource, String type) {
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        if (bundle.getType() == Bundle.BundleType.TRANSACTION || bundle.getType() == Bundle.BundleType.BATCH)
            entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(type);
    }
}
