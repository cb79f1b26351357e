package org.medgemmahub.fhir.embedded;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medgemmahub.fhir.embedded.SearchParameter.DateParameter;
import org.medgemmahub.fhir.embedded.SearchParameter.ReferenceParameter;
import org.medgemmahub.fhir.embedded.SearchParameter.TokenParameter;

/**
 * The resource types the embedded server stores and the search parameters each understands. It drives the searches, the
 * conditions of conditional creates and the capability statement, so what is advertised is what works.
 */
final class SearchParameterCatalog {
    static final String OBSERVATION_STATUS_SYSTEM = "http://hl7.org/fhir/observation-status";

    private final Map<Class<? extends Resource>, Map<String, SearchParameter>> byClass = new LinkedHashMap<>();
    private final Map<String, Map<String, SearchParameter>> byType = new LinkedHashMap<>();

    private SearchParameterCatalog() {}

    // HAPI getters create missing children on the fly; extractors read shared stored resources, so they ask has...() first.
    static SearchParameterCatalog standard() {
        SearchParameterCatalog catalog = new SearchParameterCatalog();
        catalog.add(Observation.class,
                identifier(),
                reference("subject", "Who or what the observation is about", Observation.class,
                        o -> o.hasSubject() ? List.of(o.getSubject()) : List.of(), null),
                reference("patient", "The subject, when it is a patient", Observation.class,
                        o -> o.hasSubject() ? List.of(o.getSubject()) : List.of(), "Patient"),
                token("code", "The code of the observation", Observation.class,
                        o -> o.hasCode() && o.getCode().hasCoding() ? o.getCode().getCoding() : List.of()),
                token("status", "The status of the observation (" + OBSERVATION_STATUS_SYSTEM + ")", Observation.class,
                        o -> o.hasStatus() ? List.of(new Coding(OBSERVATION_STATUS_SYSTEM, o.getStatus().toCode(), null)) : List.of()),
                reference("derived-from", "What the observation was derived from", Observation.class,
                        o -> o.hasDerivedFrom() ? o.getDerivedFrom() : List.of(), null),
                reference("device", "The device (model) that made the observation", Observation.class,
                        o -> o.hasDevice() ? List.of(o.getDevice()) : List.of(), null));
        catalog.add(Provenance.class,
                reference("target", "The resources the provenance is about", Provenance.class,
                        p -> p.hasTarget() ? p.getTarget() : List.of(), null));
        catalog.add(Device.class, identifier());
        catalog.add(Patient.class, identifier());
        catalog.add(DiagnosticReport.class,
                identifier(),
                reference("subject", "Who or what the report is about", DiagnosticReport.class,
                        r -> r.hasSubject() ? List.of(r.getSubject()) : List.of(), null),
                reference("patient", "The subject, when it is a patient", DiagnosticReport.class,
                        r -> r.hasSubject() ? List.of(r.getSubject()) : List.of(), "Patient"));
        // what reports refer to (images, documents): stored so that a report's references can be read back
        catalog.add(Media.class, identifier());
        catalog.add(Binary.class);
        return catalog;
    }

    List<Class<? extends Resource>> resourceClasses() {
        return List.copyOf(byClass.keySet());
    }

    List<String> resourceTypes() {
        return List.copyOf(byType.keySet());
    }

    /** The parameters of {@code type} in the order they are documented; empty for a type the server does not store. */
    Map<String, SearchParameter> parameters(String type) {
        return byType.getOrDefault(type, Map.of());
    }

    Optional<SearchParameter> parameter(String type, String name) {
        return Optional.ofNullable(parameters(type).get(name));
    }

    private void add(Class<? extends Resource> resourceClass, SearchParameter... specific) {
        Map<String, SearchParameter> parameters = new LinkedHashMap<>();
        for (SearchParameter parameter : common())
            parameters.put(parameter.name(), parameter);
        Arrays.stream(specific).forEach(parameter -> parameters.put(parameter.name(), parameter));
        byClass.put(resourceClass, parameters);
        byType.put(resourceClass.getSimpleName(), parameters); // HAPI's R4 model classes are named after their resource type
    }

    private static List<SearchParameter> common() {
        return List.of(
                new TokenParameter("_id", "The logical id", r -> List.of(new Coding(null, r.getIdElement().getIdPart(), null))),
                new DateParameter("_lastUpdated", "When the resource was last written (meta.lastUpdated)", r -> r.getMeta().getLastUpdated()),
                new TokenParameter("_tag", "A tag in meta.tag", r -> r.getMeta().hasTag() ? r.getMeta().getTag() : List.of()));
    }

    private static SearchParameter identifier() {
        return new TokenParameter("identifier", "A business identifier", TokenParameter::identifiers);
    }

    private static <T extends Resource> SearchParameter token(String name, String description, Class<T> type,
                                                             Function<T, List<Coding>> codings) {
        return new TokenParameter(name, description, resource -> codings.apply(type.cast(resource)));
    }

    private static <T extends Resource> SearchParameter reference(String name, String description, Class<T> type,
                                                                 Function<T, List<Reference>> references, String targetType) {
        return new ReferenceParameter(name, description, resource -> references.apply(type.cast(resource)), targetType);
    }
}
