package org.medgemmahub.fhir.embedded;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.medgemmahub.fhir.embedded.SearchParameter.Criterion;
import org.medgemmahub.fhir.embedded.SearchParameter.Resolver;

/**
 * A parsed search on one resource type: all criteria must match.
 *
 * @param count       the {@code _count} asked for, or null
 * @param oldestFirst {@code _sort=_lastUpdated}; the default is newest first
 */
record ResourceQuery(String resourceType, List<Criterion> criteria, Integer count, boolean oldestFirst) {
    ResourceQuery {
        criteria = List.copyOf(criteria);
    }

    boolean matches(Resource resource, Resolver resolver) {
        return criteria.stream().allMatch(criterion -> criterion.matches(resource, resolver));
    }
}
