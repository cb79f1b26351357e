package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.rest.param.ParameterUtil;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.medgemmahub.fhir.embedded.SearchParameter.Criterion;

/**
 * Turns query parameters (of a search, an If-None-Exist header, a bundle entry's ifNoneExist or GET url) into a
 * {@link ResourceQuery}. Unknown parameters, modifiers and chains are rejected with 400 rather than ignored: an ignored
 * criterion silently widens the result, and would let a conditional create match the wrong resource.
 */
final class SearchQueryParser {
    static final String COUNT = "_count";
    static final String SORT = "_sort";
    /** Parameters HAPI applies to the answer itself, accepted and left to it; {@code _total} because totals are always exact here. */
    private static final Set<String> ANSWER_PARAMETERS = Set.of("_format", "_pretty", "_summary", "_elements", "_total");
    private static final String NEWEST_FIRST = "-_lastUpdated";
    private static final String OLDEST_FIRST = "_lastUpdated";

    private final SearchParameterCatalog catalog;

    SearchQueryParser(SearchParameterCatalog catalog) {
        this.catalog = catalog;
    }

    ResourceQuery parse(String type, Map<String, String[]> parameters) {
        List<Criterion> criteria = new ArrayList<>();
        Integer count = null;
        boolean oldestFirst = false;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String key = parameter.getKey();
            int nameEnd = nameEnd(key);
            String name = key.substring(0, nameEnd);
            List<String> values = parameter.getValue() == null ? List.of() : List.of(parameter.getValue());
            if (COUNT.equals(name))
                count = count(values);
            else if (SORT.equals(name))
                oldestFirst = oldestFirst(values);
            else if (!ANSWER_PARAMETERS.contains(name))
                criteria.addAll(criteria(type, name, key.substring(nameEnd), values));
        }
        return new ResourceQuery(type, criteria, count, oldestFirst);
    }

    /** A conditional create's condition, {@code identifier=sys|val} or {@code Observation?identifier=sys|val}; never empty. */
    ResourceQuery parseCondition(String type, String condition) {
        return parseCondition(type, condition, Map.of());
    }

    /**
     * As {@link #parseCondition(String, String)}, with each value that is exactly one of the {@code placeholders} (a bundle
     * entry's {@code urn:uuid:} fullUrl) replaced by the reference it stands for, e.g. {@code target=urn:uuid:...}.
     */
    ResourceQuery parseCondition(String type, String condition, Map<String, IdType> placeholders) {
        String query = condition.strip();
        int question = query.indexOf('?');
        if (question >= 0) {
            String path = query.substring(0, question);
            String conditionType = path.substring(path.lastIndexOf('/') + 1);
            if (!conditionType.isEmpty() && !conditionType.equals(type))
                throw new InvalidRequestException("FHIR-EMB-BAD-CONDITION: the condition searches " + conditionType + ", not " + type);
            query = query.substring(question + 1);
        }
        Map<String, String[]> parameters = new LinkedHashMap<>(UrlUtil.parseQueryString(query));
        parameters.replaceAll((name, values) -> Arrays.stream(values)
                .map(value -> placeholders.containsKey(value) ? placeholders.get(value).getValue() : value)
                .toArray(String[]::new));
        ResourceQuery parsed = parse(type, parameters);
        if (parsed.criteria().isEmpty())
            throw new InvalidRequestException("FHIR-EMB-BAD-CONDITION: the condition of a conditional create has no search criteria");
        return parsed;
    }

    private List<Criterion> criteria(String type, String name, String qualifier, List<String> values) {
        SearchParameter parameter = catalog.parameter(type, name).orElseThrow(() -> new InvalidRequestException(
                "FHIR-EMB-UNKNOWN-PARAM: " + type + " has no search parameter '" + name + "' on this server; it knows "
                        + String.join(", ", catalog.parameters(type).keySet()) + ", " + COUNT + " and " + SORT));
        List<Criterion> criteria = new ArrayList<>();
        for (String value : values) {
            List<String> alternatives = alternatives(value);
            if (!alternatives.isEmpty()) // FHIR: a parameter with an empty value is ignored
                criteria.add(parameter.criterion(qualifier, alternatives));
        }
        return criteria;
    }

    private static int nameEnd(String key) {
        for (int i = 0; i < key.length(); i++)
            if (key.charAt(i) == ':' || key.charAt(i) == '.')
                return i;
        return key.length();
    }

    /** The comma-separated alternatives of one value (an escaped {@code \,} stays), blanks dropped. */
    private static List<String> alternatives(String value) {
        List<String> alternatives = new ArrayList<>();
        String rest = value == null ? "" : value;
        while (true) {
            int comma = ParameterUtil.nonEscapedIndexOf(rest, ',');
            String alternative = comma < 0 ? rest : rest.substring(0, comma);
            if (!alternative.isBlank())
                alternatives.add(alternative.strip());
            if (comma < 0)
                return alternatives;
            rest = rest.substring(comma + 1);
        }
    }

    private static Integer count(List<String> values) {
        String last = values.isEmpty() ? "" : values.get(values.size() - 1);
        try {
            int count = Integer.parseInt(last.strip());
            if (count >= 0)
                return count;
        } catch (NumberFormatException e) {
            // answered below, like a negative count
        }
        throw new InvalidRequestException("FHIR-EMB-BAD-PARAM-VALUE: " + COUNT + " must be a whole number of at least 0, not '" + last + "'");
    }

    private static boolean oldestFirst(List<String> values) {
        boolean oldestFirst = false;
        for (String value : values) {
            if (OLDEST_FIRST.equals(value.strip()))
                oldestFirst = true;
            else if (NEWEST_FIRST.equals(value.strip()))
                oldestFirst = false;
            else
                throw new InvalidRequestException("FHIR-EMB-UNSUPPORTED-SORT: the embedded server sorts by " + NEWEST_FIRST
                        + " (default) or " + OLDEST_FIRST + " only, not '" + value + "'");
        }
        return oldestFirst;
    }
}
