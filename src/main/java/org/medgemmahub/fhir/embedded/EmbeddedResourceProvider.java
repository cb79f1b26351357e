package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.medgemmahub.fhir.embedded.ResourceStore.WriteOutcome;

/**
 * Read, vread, update-or-create by id and search for one resource type, served from the {@link ResourceStore}; the create
 * is added by {@link Creating} unless an {@link FhirServerExtension} serves it. Public with public methods because HAPI
 * calls the annotated methods reflectively (it finds them on superclasses too).
 */
public class EmbeddedResourceProvider implements IResourceProvider {
    private final Class<? extends Resource> resourceClass;
    private final String resourceType;
    final ResourceStore store;
    final SearchQueryParser parser;

    EmbeddedResourceProvider(Class<? extends Resource> resourceClass, ResourceStore store, SearchQueryParser parser) {
        this.resourceClass = resourceClass;
        this.resourceType = resourceClass.getSimpleName();
        this.store = store;
        this.parser = parser;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return resourceClass;
    }

    @Read(version = true)
    public IBaseResource read(@IdParam IdType id) {
        if (id.hasVersionIdPart())
            return store.read(resourceType, id.getIdPart(), id.getVersionIdPart()).orElseThrow(() -> new ResourceNotFoundException(
                    "FHIR-EMB-NOT-FOUND: " + resourceType + "/" + id.getIdPart() + " has no version " + id.getVersionIdPart()));
        return store.read(resourceType, id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(
                "FHIR-EMB-NOT-FOUND: " + resourceType + "/" + id.getIdPart() + " is not known"));
    }

    /**
     * Creates the resource under the given id if it is new (201), otherwise stores the next version (200). HAPI has already
     * answered 400 if the body's id is missing or differs from the URL's.
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam IBaseResource resource) {
        Resource incoming = ownType(resource);
        return answer(store.write(writer -> writer.save(incoming, id.getIdPart())));
    }

    /** Every request parameter is checked against the catalog, so unknown ones answer 400 instead of being ignored. */
    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
        return new SimpleBundleProvider(store.search(parser.parse(resourceType, request.getParameters())));
    }

    /** The store's provider for a type whose create it serves too. */
    public static final class Creating extends EmbeddedResourceProvider {
        Creating(Class<? extends Resource> resourceClass, ResourceStore store, SearchQueryParser parser) {
            super(resourceClass, store, parser);
        }

        /** With If-None-Exist: one match is answered 200 with that resource and nothing is created; several give 412. */
        @Create
        public MethodOutcome create(@ResourceParam IBaseResource resource, @ConditionalUrlParam String ifNoneExist) {
            Resource incoming = ownType(resource);
            ResourceQuery condition = ifNoneExist == null || ifNoneExist.isBlank() ? null : parser.parseCondition(resourceType(), ifNoneExist);
            return answer(store.write(writer -> writer.create(incoming, condition)));
        }
    }

    String resourceType() {
        return resourceType;
    }

    Resource ownType(IBaseResource resource) {
        if (!resourceClass.isInstance(resource))
            throw new InvalidRequestException("FHIR-EMB-WRONG-TYPE: this endpoint takes " + resourceType + " resources");
        return resourceClass.cast(resource);
    }

    static MethodOutcome answer(WriteOutcome outcome) {
        MethodOutcome answer = new MethodOutcome(outcome.resource().getIdElement(), outcome.created());
        answer.setResource(outcome.resource());
        return answer;
    }
}
