package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the resources a DiagnosticReport refers to: contained ones ({@code #id}), entries of the bundle it came in (by
 * fullUrl or {@code Type/id}), and otherwise by a read from the report's source server, when there is one. A reference the
 * source cannot answer is simply not found; the caller decides whether that is an error (the patient) or not (a result).
 */
final class ReportResources {
    private static final Logger log = LoggerFactory.getLogger(ReportResources.class);

    private final Map<String, Resource> local = new HashMap<>();
    private final IGenericClient source;

    private ReportResources(IGenericClient source) {
        this.source = source;
    }

    /** Resolves against the report's contained resources and, if {@code source} is not null, reads from it. */
    static ReportResources of(DiagnosticReport report, IGenericClient source) {
        ReportResources resources = new ReportResources(source);
        resources.addContained(report);
        return resources;
    }

    /** Resolves against the bundle's entries first, then the report's contained resources, then {@code source}. */
    static ReportResources of(Bundle bundle, DiagnosticReport report, IGenericClient source) {
        ReportResources resources = of(report, source);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) continue;
            if (entry.hasFullUrl()) resources.local.put(entry.getFullUrl(), resource);
            if (resource.getIdElement().hasIdPart())
                resources.local.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
        }
        return resources;
    }

    private void addContained(DiagnosticReport report) {
        for (Resource contained : report.getContained())
            local.put("#" + contained.getIdElement().getIdPart().replaceFirst("^#", ""), contained);
    }

    boolean canRead() {
        return source != null;
    }

    /** The resource a literal reference points to, if it is of {@code type} and can be found. */
    <T extends Resource> Optional<T> find(Reference reference, Class<T> type) {
        if (reference == null) return Optional.empty();
        if (reference.getResource() instanceof Resource inline && type.isInstance(inline)) return Optional.of(type.cast(inline));
        if (!reference.hasReference()) return Optional.empty();
        String target = reference.getReference();
        Resource found = local.get(target);
        if (found == null && !target.startsWith("#") && !target.startsWith("urn:")) {
            IdType id = new IdType(target);
            found = local.get(id.getResourceType() + "/" + id.getIdPart());
            if (found == null) found = read(id, type);
        }
        return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
    }

    private <T extends Resource> T read(IdType id, Class<T> type) {
        if (source == null || !id.hasIdPart() || (id.hasResourceType() && !id.getResourceType().equals(type.getSimpleName())))
            return null;
        if (id.hasBaseUrl() && !source.getServerBase().startsWith(id.getBaseUrl()) && !id.getBaseUrl().startsWith(source.getServerBase()))
            return null; // an absolute reference to another server: not followed
        try {
            return source.read().resource(type).withId(id.getIdPart()).execute();
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            log.debug("{}/{} not on the source: {}", type.getSimpleName(), id.getIdPart(), e.getStatusCode());
            return null;
        } catch (BaseServerResponseException e) {
            // down, refusing us or failing: the report may be fine, so the sender is asked to resend rather than told it is wrong
            log.warn("FHIR-INTAKE-SOURCE-UNAVAILABLE: reading {}/{} from {} failed with {}", type.getSimpleName(), id.getIdPart(),
                    source.getServerBase(), e.getStatusCode());
            throw new IntakeUnavailableException("FHIR-INTAKE-SOURCE-UNAVAILABLE: " + type.getSimpleName() + "/" + id.getIdPart()
                    + " could not be read from " + source.getServerBase() + " (" + e.getStatusCode() + "); please resend later");
        }
    }
}
