package org.medgemmahub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The profiles in fhir-profiles/ as the validator applies them to what the hub writes. */
class HubProfilesTest {
    private static FhirResourceValidator validator;
    private final ObservationBundleBuilder builder = new ObservationBundleBuilder();

    @BeforeAll
    static void buildValidator() throws Exception {
        validator = new FhirResourceValidator(FhirContext.forR4Cached());
    }

    private Observation observation() throws Exception {
        return (Observation) builder.build(ObservationBundleBuilderTest.request(), ObservationBundleBuilderTest.parsedResult())
                .getEntry().get(1).getResource();
    }

    @Test
    void declaresTheHubProfilesAndValidatesAgainstThemWithTheAiAssertedLabel() throws Exception {
        Bundle bundle = builder.build(ObservationBundleBuilderTest.request(), ObservationBundleBuilderTest.parsedResult());
        Observation observation = (Observation) bundle.getEntry().get(1).getResource();
        Device device = (Device) bundle.getEntry().get(0).getResource();

        assertThat(observation.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(FhirNames.OBSERVATION_PROFILE);
        assertThat(device.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(FhirNames.DEVICE_PROFILE);
        assertThat(validator.problems(bundle)).isEmpty();
        assertThat(validator.issues(observation)).noneMatch(issue -> issue.contains("AIAST"));
    }

    @Test
    void refusesAnObservationWithoutSubjectNamingTheElement() throws Exception {
        Observation observation = observation();
        observation.setSubject(null);

        assertThat(validator.problems(observation)).anyMatch(p -> p.contains("Observation.subject") && p.contains("minimum required = 1"));
    }

    @Test
    void refusesAnObservationWhoseSubjectIsOnlyAName() throws Exception {
        Observation observation = observation();
        observation.setSubject(new org.hl7.fhir.r4.model.Reference().setDisplay("patient not identified by the source"));

        assertThat(validator.problems(observation)).anyMatch(p -> p.contains("mgh-obs-3"));
    }

    @Test
    void refusesAnObservationWithoutTheAiAssertedLabel() throws Exception {
        Observation observation = observation();
        observation.getMeta().getSecurity().clear();

        assertThat(validator.problems(observation)).anyMatch(p -> p.contains("mgh-obs-1") || p.contains("Observation.meta.security"));
    }

    @Test
    void refusesAnObservationWithoutDeviceOrDerivedFrom() throws Exception {
        Observation observation = observation();
        observation.setDevice(null);
        observation.getDerivedFrom().clear();

        assertThat(validator.problems(observation))
                .anyMatch(p -> p.contains("Observation.device"))
                .anyMatch(p -> p.contains("Observation.derivedFrom"));
    }

    @Test
    void refusesACodeFromNeitherTheHubCodeSystemNorLoinc() throws Exception {
        Observation observation = observation();
        observation.getCode().getCodingFirstRep().setSystem("http://snomed.info/sct").setCode("404684003");

        assertThat(validator.problems(observation)).anyMatch(p -> p.contains("mgh-obs-2"));
    }

    @Test
    void acceptsALoincCode() throws Exception {
        Observation observation = observation();
        observation.getCode().getCodingFirstRep().setSystem("http://loinc.org").setCode("18782-3");

        assertThat(validator.problems(observation)).isEmpty();
    }

    @Test
    void refusesAModelDeviceWithoutItsModelId() throws Exception {
        Device device = builder.device(ObservationBundleBuilderTest.parsedResult());
        device.getIdentifier().clear();

        assertThat(validator.problems(device)).anyMatch(p -> p.contains("mgh-dev-1"));
    }

    @Test
    void throwsWithTheValidatorsMessagesForAnInvalidBundle() throws Exception {
        Bundle bundle = builder.build(ObservationBundleBuilderTest.request(), ObservationBundleBuilderTest.parsedResult());
        ((Observation) bundle.getEntry().get(1).getResource()).setSubject(null);

        assertThatThrownBy(() -> validator.requireValid(bundle))
                .isInstanceOf(FhirResourceInvalidException.class)
                .hasMessageContaining("FHIR-INVALID").hasMessageContaining("Observation.subject");
    }
}
