package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/** The official FHIR R4 example reports and what they refer to (src/test/resources/fhir/examples, CC0). */
final class OfficialExamples {
    static final List<String> REPORTS = List.of("102", "example-pgx", "f201", "gingival-mass", "pap", "ultrasound");
    static final List<String> REFERENCED = List.of("Patient-pat2", "Patient-f201", "Patient-example", "Observation-bmd",
            "Observation-example-phenotype", "Media-1.2.840.11361907579238403408700.3.1.04.19970327150033");
    /** Patients the reports name that the package does not hold: made here, with an identifier of the hub's test namespace. */
    static final List<String> MISSING_PATIENTS = List.of("899962", "b248b1b2-1686-4b94-9936-37d7a5f94b51");

    private OfficialExamples() {
    }

    static String text(String name) {
        try (InputStream in = OfficialExamples.class.getResourceAsStream("/fhir/examples/" + name + ".json")) {
            if (in == null) throw new IllegalArgumentException("no example " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T extends Resource> T resource(String name, Class<T> type) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(type, text(name));
    }

    static String report(String id) {
        return text("DiagnosticReport-" + id);
    }

    static List<Resource> referenced() {
        List<Resource> resources = new java.util.ArrayList<>(REFERENCED.stream()
                .map(name -> (Resource) FhirContext.forR4Cached().newJsonParser().parseResource(text(name))).toList());
        for (String id : MISSING_PATIENTS) {
            Patient patient = new Patient();
            patient.setId(id);
            patient.addIdentifier().setSystem(IntakeFixtures.MRN_SYSTEM).setValue("EXAMPLE-" + id);
            resources.add(patient);
        }
        return resources;
    }
}
