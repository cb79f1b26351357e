package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.Collection;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;

/**
 * One checked entry of a transaction or batch bundle: what it asks for, before anything is stored.
 *
 * @param index        position in the bundle, for messages
 * @param fullUrl      the entry's fullUrl; a {@code urn:uuid:} placeholder other entries may refer to, or null
 * @param resource     the resource to write (POST, PUT), else null
 * @param resourceType the type written or read
 * @param id           PUT's target id, or the id a GET reads; null for POST and GET searches
 * @param version      the version a GET reads ({@code Type/id/_history/n}), else null
 * @param condition    a POST's ifNoneExist, checked but kept as text: it may name placeholders resolved only when it runs
 * @param query        a GET's search, else null
 */
record BundleEntryRequest(int index, HTTPVerb method, String fullUrl, Resource resource, String resourceType, String id,
                          String version, String condition, ResourceQuery query) {
    private static final String HISTORY = "_history";

    static BundleEntryRequest of(int index, BundleEntryComponent entry, SearchQueryParser parser, Collection<String> types) {
        String where = "entry[" + index + "]";
        if (!entry.hasRequest() || !entry.getRequest().hasMethod())
            throw new InvalidRequestException("FHIR-EMB-BAD-ENTRY: " + where + " has no request.method");
        String fullUrl = entry.hasFullUrl() ? entry.getFullUrl() : null;
        String url = entry.getRequest().getUrl();
        try {
            return switch (entry.getRequest().getMethod()) {
                case POST -> post(index, fullUrl, resource(entry, types), url, entry.getRequest().getIfNoneExist(), parser);
                case PUT -> put(index, fullUrl, resource(entry, types), target(url));
                case GET -> get(index, target(url), parser, types);
                default -> throw new InvalidRequestException(
                        "FHIR-EMB-BAD-ENTRY: " + entry.getRequest().getMethod() + " is not supported in a bundle here");
            };
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(where + ": " + e.getMessage());
        } catch (UnprocessableEntityException e) {
            throw new UnprocessableEntityException(where + ": " + e.getMessage());
        }
    }

    String where() {
        return "entry[" + index + "] (" + method.toCode() + " " + resourceType + ")";
    }

    /** Whether other entries may refer to this one through its fullUrl. */
    boolean hasPlaceholder() {
        return fullUrl != null && fullUrl.startsWith("urn:");
    }

    private static BundleEntryRequest post(int index, String fullUrl, Resource resource, String url, String ifNoneExist,
                                           SearchQueryParser parser) {
        String type = resource.fhirType();
        if (url != null && !url.isBlank()) {
            Target target = target(url);
            if (!type.equals(target.type()) || target.id() != null || target.query() != null)
                throw new InvalidRequestException("FHIR-EMB-BAD-ENTRY: a POST of a " + type + " goes to the url '" + type + "', not '" + url + "'");
        }
        String condition = ifNoneExist == null || ifNoneExist.isBlank() ? null : ifNoneExist;
        if (condition != null)
            parser.parseCondition(type, condition);
        return new BundleEntryRequest(index, HTTPVerb.POST, fullUrl, resource, type, null, null, condition, null);
    }

    private static BundleEntryRequest put(int index, String fullUrl, Resource resource, Target target) {
        String type = resource.fhirType();
        if (target.query() != null)
            throw new InvalidRequestException("FHIR-EMB-BAD-ENTRY: conditional update (PUT " + type + "?...) is not supported; PUT "
                    + type + "/<id>");
        if (!type.equals(target.type()) || target.id() == null || target.version() != null)
            throw new InvalidRequestException("FHIR-EMB-BAD-ENTRY: a PUT of a " + type + " goes to '" + type + "/<id>'");
        String bodyId = resource.getIdElement().getValue() == null || resource.getIdElement().getValue().startsWith("urn:")
                ? null : resource.getIdElement().getIdPart();
        if (bodyId != null && !bodyId.equals(target.id()))
            throw new InvalidRequestException("FHIR-EMB-ID-MISMATCH: the resource's id " + bodyId + " differs from the url's " + target.id());
        return new BundleEntryRequest(index, HTTPVerb.PUT, fullUrl, resource, type, target.id(), null, null, null);
    }

    private static BundleEntryRequest get(int index, Target target, SearchQueryParser parser, Collection<String> types) {
        supported(target.type(), types);
        if (target.id() != null && target.query() != null)
            throw new InvalidRequestException("FHIR-EMB-BAD-ENTRY: a read takes no parameters: '" + target.query() + "'");
        ResourceQuery search = target.id() != null ? null
                : parser.parse(target.type(), UrlUtil.parseQueryString(target.query() == null ? "" : target.query()));
        return new BundleEntryRequest(index, HTTPVerb.GET, null, null, target.type(), target.id(), target.version(), null, search);
    }

    private static Resource resource(BundleEntryComponent entry, Collection<String> types) {
        Resource resource = entry.getResource();
        if (resource == null)
            throw new InvalidRequestException("FHIR-EMB-BAD-ENTRY: a " + entry.getRequest().getMethod().toCode() + " needs a resource");
        supported(resource.fhirType(), types);
        return resource;
    }

    private static void supported(String type, Collection<String> types) {
        if (!types.contains(type))
            throw new UnprocessableEntityException("FHIR-EMB-UNSUPPORTED-TYPE: the embedded server stores " + String.join(", ", types)
                    + ", not " + type);
    }

    /** A relative request url: {@code Type}, {@code Type?query}, {@code Type/id} or {@code Type/id/_history/n}. */
    private record Target(String type, String id, String version, String query) {}

    private static Target target(String url) {
        if (url == null || url.isBlank() || url.contains("://"))
            throw new InvalidRequestException("FHIR-EMB-BAD-ENTRY: request.url must be a relative url such as 'Observation/123', not '"
                    + url + "'");
        String relative = url.strip().replaceFirst("^/+", "");
        int question = relative.indexOf('?');
        String query = question < 0 ? null : relative.substring(question + 1);
        String[] segments = (question < 0 ? relative : relative.substring(0, question)).split("/");
        if (segments.length == 1)
            return new Target(segments[0], null, null, query);
        if (segments.length == 2)
            return new Target(segments[0], segments[1], null, query);
        if (segments.length == 4 && HISTORY.equals(segments[2]))
            return new Target(segments[0], segments[1], segments[3], query);
        throw new InvalidRequestException("FHIR-EMB-BAD-ENTRY: request.url '" + url + "' is not Type, Type?query, Type/id or Type/id/_history/n");
    }
}
