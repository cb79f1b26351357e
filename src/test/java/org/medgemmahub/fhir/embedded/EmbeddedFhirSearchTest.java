package org.medgemmahub.fhir.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medgemmahub.fhir.embedded.FhirFixtures.MODEL_SYSTEM;
import static org.medgemmahub.fhir.embedded.FhirFixtures.MRN_SYSTEM;
import static org.medgemmahub.fhir.embedded.FhirFixtures.RESULT_SYSTEM;
import static org.medgemmahub.fhir.embedded.FhirFixtures.STUDY_UID_SYSTEM;
import static org.medgemmahub.fhir.embedded.FhirFixtures.model;
import static org.medgemmahub.fhir.embedded.FhirFixtures.observation;
import static org.medgemmahub.fhir.embedded.FhirFixtures.patient;
import static org.medgemmahub.fhir.embedded.FhirFixtures.patientByMrn;
import static org.medgemmahub.fhir.embedded.FhirFixtures.unique;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class EmbeddedFhirSearchTest extends EmbeddedFhirServerTestSupport {
    private static final String TAG_SYSTEM = "urn:medgemmahub:test-tag";
    private static final String CODE_SYSTEM = "urn:medgemmahub:test-code";

    @Test
    void findsObservationsBySubjectAndPatientLiteralReference() {
        String patient = create(patient(unique("mrn")));
        String other = create(patient(unique("mrn")));
        String about = create(observation(unique("result"), new Reference("Patient/" + patient)));
        create(observation(unique("result"), new Reference("Patient/" + other)));

        assertThat(ids(search("Observation", "subject", "Patient/" + patient))).containsExactly(about);
        assertThat(ids(search("Observation", "patient", "Patient/" + patient))).containsExactly(about);
        assertThat(ids(search("Observation", "patient", patient))).containsExactly(about);
        assertThat(ids(search("Observation", "subject:Patient", patient))).containsExactly(about);
    }

    @Test
    void findsObservationsWhoseLogicalSubjectCarriesTheIdentifier() {
        String mrn = unique("mrn");
        String about = create(observation(unique("result"), patientByMrn(mrn)));
        create(observation(unique("result"), patientByMrn(unique("mrn"))));

        assertThat(ids(search("Observation", "subject:identifier", MRN_SYSTEM + "|" + mrn))).containsExactly(about);
        assertThat(ids(search("Observation", "patient:identifier", MRN_SYSTEM + "|" + mrn))).containsExactly(about);
        assertThat(ids(search("Observation", "subject:identifier", mrn))).containsExactly(about);
        assertThat(ids(search("Observation", "subject:identifier", "urn:other|" + mrn))).isEmpty();
    }

    @Test
    void chainedIdentifierMatchesLogicalReferencesAndLiteralReferencesToAPatientWithThatIdentifier() {
        String mrn = unique("mrn");
        String patient = create(patient(mrn));
        String literal = create(observation(unique("result"), new Reference("Patient/" + patient)));
        String logical = create(observation(unique("result"), patientByMrn(mrn)));
        create(observation(unique("result"), patientByMrn(unique("mrn"))));

        assertThat(ids(search("Observation", "patient.identifier", MRN_SYSTEM + "|" + mrn))).containsExactly(logical, literal);
        assertThat(ids(search("Observation", "subject.identifier", MRN_SYSTEM + "|" + mrn))).containsExactly(logical, literal);
        assertThat(ids(search("Observation", "subject:Patient.identifier", MRN_SYSTEM + "|" + mrn))).containsExactly(logical, literal);
        assertThat(ids(search("Observation", "subject:identifier", MRN_SYSTEM + "|" + mrn))).containsExactly(logical);
    }

    @Test
    void findsObservationsByCodeWithOrWithoutSystem() {
        String code = unique("code");
        Observation observation = observation(unique("result"), patientByMrn(unique("mrn")));
        observation.getCode().addCoding().setSystem(CODE_SYSTEM).setCode(code);
        String coded = create(observation);

        assertThat(ids(search("Observation", "code", CODE_SYSTEM + "|" + code))).containsExactly(coded);
        assertThat(ids(search("Observation", "code", code))).containsExactly(coded);
        assertThat(ids(search("Observation", "code", "urn:other|" + code))).isEmpty();
    }

    @Test
    void findsObservationsByStatusTogetherWithOtherCriteria() {
        String resultId = unique("result");
        Observation observation = observation(resultId, patientByMrn(unique("mrn")));
        observation.setStatus(ObservationStatus.FINAL);
        String id = create(observation);

        assertThat(ids(search("Observation", "identifier", RESULT_SYSTEM + "|" + resultId, "status", "final"))).containsExactly(id);
        assertThat(ids(search("Observation", "identifier", RESULT_SYSTEM + "|" + resultId, "status", "preliminary"))).isEmpty();
    }

    @Test
    void findsObservationsByDerivedFromAndDevice() {
        String report = create(new DiagnosticReport().setStatus(DiagnosticReportStatus.FINAL));
        String device = create(model(unique("model")));
        String studyUid = "urn:oid:1.2.840." + System.nanoTime();
        Observation fromReport = observation(unique("result"), patientByMrn(unique("mrn")));
        fromReport.addDerivedFrom().setReference("DiagnosticReport/" + report);
        fromReport.getDevice().setReference("Device/" + device);
        String reportBased = create(fromReport);
        Observation fromStudy = observation(unique("result"), patientByMrn(unique("mrn")));
        fromStudy.addDerivedFrom().setType("ImagingStudy").getIdentifier().setSystem(STUDY_UID_SYSTEM).setValue(studyUid);
        String studyBased = create(fromStudy);

        assertThat(ids(search("Observation", "derived-from", "DiagnosticReport/" + report))).containsExactly(reportBased);
        assertThat(ids(search("Observation", "derived-from:identifier", STUDY_UID_SYSTEM + "|" + studyUid))).containsExactly(studyBased);
        assertThat(ids(search("Observation", "device", "Device/" + device))).containsExactly(reportBased);
    }

    @Test
    void findsByIdentifierAsSystemAndValueValueOnlyOrExplicitlyWithoutSystem() {
        String version = unique("model");
        String withSystem = create(model(version));
        org.hl7.fhir.r4.model.Device noSystem = new org.hl7.fhir.r4.model.Device();
        noSystem.addIdentifier().setValue(version);
        String withoutSystem = create(noSystem);

        assertThat(ids(search("Device", "identifier", MODEL_SYSTEM + "|" + version))).containsExactly(withSystem);
        assertThat(ids(search("Device", "identifier", version))).containsExactly(withoutSystem, withSystem);
        assertThat(ids(search("Device", "identifier", "|" + version))).containsExactly(withoutSystem);
    }

    @Test
    void findsPatientsByIdentifierAndProvenanceByTarget() {
        String mrn = unique("mrn");
        String patient = create(patient(mrn));
        String observation = create(observation(unique("result"), new Reference("Patient/" + patient)));
        Provenance provenance = new Provenance();
        provenance.addTarget().setReference("Observation/" + observation);
        String provenanceId = create(provenance);

        assertThat(ids(search("Patient", "identifier", MRN_SYSTEM + "|" + mrn))).containsExactly(patient);
        assertThat(ids(search("Provenance", "target", "Observation/" + observation))).containsExactly(provenanceId);
    }

    @Test
    void findsDiagnosticReportsByIdentifierSubjectAndPatient() {
        String mrn = unique("mrn");
        String patient = create(patient(mrn));
        String accession = unique("accession");
        DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReportStatus.FINAL);
        report.addIdentifier().setSystem("urn:accession").setValue(accession);
        report.setSubject(new Reference("Patient/" + patient));
        String id = create(report);

        assertThat(ids(search("DiagnosticReport", "identifier", "urn:accession|" + accession))).containsExactly(id);
        assertThat(ids(search("DiagnosticReport", "subject", "Patient/" + patient))).containsExactly(id);
        assertThat(ids(search("DiagnosticReport", "patient", "Patient/" + patient))).containsExactly(id);
        assertThat(ids(search("DiagnosticReport", "patient.identifier", MRN_SYSTEM + "|" + mrn))).containsExactly(id);
    }

    @Test
    void findsByIdAndByTag() {
        String tag = unique("tag");
        Observation tagged = observation(unique("result"), patientByMrn(unique("mrn")));
        tagged.getMeta().addTag(TAG_SYSTEM, tag, null);
        String taggedId = create(tagged);
        String other = create(observation(unique("result"), patientByMrn(unique("mrn"))));

        assertThat(ids(search("Observation", "_tag", TAG_SYSTEM + "|" + tag))).containsExactly(taggedId);
        assertThat(ids(search("Observation", "_tag", tag))).containsExactly(taggedId);
        assertThat(ids(search("Observation", "_id", other))).containsExactly(other);
        assertThat(ids(search("Observation", "_id", taggedId + "," + other))).containsExactly(other, taggedId);
    }

    @Test
    void findsByLastUpdatedWithPrefixes() {
        String resultA = unique("result");
        String resultB = unique("result");
        String a = create(observation(resultA, patientByMrn(unique("mrn"))));
        String b = create(observation(resultB, patientByMrn(unique("mrn"))));
        String both = RESULT_SYSTEM + "|" + resultA + "," + RESULT_SYSTEM + "|" + resultB;
        String aUpdated = client.read().resource(Observation.class).withId(a).execute().getMeta().getLastUpdatedElement().getValueAsString();
        String bUpdated = client.read().resource(Observation.class).withId(b).execute().getMeta().getLastUpdatedElement().getValueAsString();

        assertThat(ids(search("Observation", "identifier", both, "_lastUpdated", "gt" + aUpdated))).containsExactly(b);
        assertThat(ids(search("Observation", "identifier", both, "_lastUpdated", "ge" + aUpdated))).containsExactly(b, a);
        assertThat(ids(search("Observation", "identifier", both, "_lastUpdated", "lt" + bUpdated))).containsExactly(a);
        assertThat(ids(search("Observation", "identifier", both, "_lastUpdated", "le" + aUpdated))).containsExactly(a);
        assertThat(ids(search("Observation", "identifier", both, "_lastUpdated", aUpdated))).containsExactly(a);
        assertThat(ids(search("Observation", "identifier", both, "_lastUpdated", "ge" + aUpdated, "_lastUpdated", "lt" + bUpdated)))
                .containsExactly(a);
        assertThat(ids(search("Observation", "identifier", both, "_lastUpdated", "gt2000-01-01"))).containsExactly(b, a);
    }

    @Test
    void pagesWithCountNewestFirstUnlessSortedByLastUpdated() {
        String tag = unique("tag");
        String first = create(tagged(tag));
        String second = create(tagged(tag));
        String third = create(tagged(tag));

        Bundle page = search("Observation", "_tag", TAG_SYSTEM + "|" + tag, "_count", "2");

        assertThat(page.getTotal()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(third, second);
        assertThat(ids(client.loadPage().next(page).execute())).containsExactly(first);
        assertThat(ids(search("Observation", "_tag", TAG_SYSTEM + "|" + tag, "_sort", "_lastUpdated"))).containsExactly(first, second, third);
    }

    private Observation tagged(String tag) {
        Observation observation = observation(unique("result"), patientByMrn(unique("mrn")));
        observation.getMeta().addTag(TAG_SYSTEM, tag, null);
        return observation;
    }

    private String create(Resource resource) {
        return id(client.create().resource(resource).execute().getId());
    }
}
