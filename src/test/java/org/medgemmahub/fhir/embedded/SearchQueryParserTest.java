package org.medgemmahub.fhir.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query semantics without a server: date precision and prefixes, token escaping, what is refused. */
class SearchQueryParserTest {
    private static final long HOUR = 3_600_000L;
    private final SearchQueryParser parser = new SearchQueryParser(SearchParameterCatalog.standard());

    @ParameterizedTest(name = "_lastUpdated={0} matches noon of 2024-03-01: {1}")
    @CsvSource({
            "2024-03-01,   true",
            "eq2024-03,    true",
            "ne2024-03-01, false",
            "gt2024-03-01, false",
            "gt2024-02-29, true",
            "ge2024-03-01, true",
            "lt2024-03-01, false",
            "lt2024-03-02, true",
            "le2024-03-01, true",
            "le2024-02-29, false",
            "2023,         false"})
    void comparesDatesAtThePrecisionTheyAreWrittenIn(String value, boolean matches) {
        Observation noon = observation();
        noon.getMeta().setLastUpdated(new Date(new DateTimeType("2024-03-01").getValue().getTime() + 12 * HOUR));

        assertThat(matches("_lastUpdated", value, noon)).isEqualTo(matches);
    }

    @Test
    void readsEscapedCommasAndBarsAsPartOfTheValue() {
        Observation observation = observation();
        observation.addIdentifier().setSystem("urn:a|b").setValue("x,y");

        assertThat(matches("identifier", "urn:a\\|b|x\\,y", observation)).isTrue();
        assertThat(matches("identifier", "x\\,y", observation)).isTrue();
        assertThat(matches("identifier", "x,y", observation)).isFalse();
    }

    @Test
    void ignoresAParameterWithAnEmptyValue() {
        assertThat(parser.parse("Observation", Map.of("code", new String[] {""})).criteria()).isEmpty();
    }

    @Test
    void refusesAConditionWithoutCriteria() {
        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> parser.parseCondition("Observation", "Observation?_count=1"))
                .withMessageContaining("FHIR-EMB-BAD-CONDITION");
    }

    @Test
    void refusesAConditionForAnotherType() {
        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> parser.parseCondition("Observation", "Patient?identifier=a|b"))
                .withMessageContaining("FHIR-EMB-BAD-CONDITION");
    }

    @Test
    void refusesAPatientParameterQualifiedWithAnotherType() {
        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> parser.parse("Observation", Map.of("patient:Device.identifier", new String[] {"a|b"})))
                .withMessageContaining("only refers to Patient");
    }

    private boolean matches(String name, String value, Resource resource) {
        return parser.parse(resource.fhirType(), Map.of(name, new String[] {value})).matches(resource, (type, id) -> Optional.empty());
    }

    private static Observation observation() {
        Observation observation = new Observation();
        observation.setId(new IdType("Observation", "o1", "1"));
        observation.getMeta().setVersionId("1").setLastUpdated(new Date());
        return observation;
    }
}
