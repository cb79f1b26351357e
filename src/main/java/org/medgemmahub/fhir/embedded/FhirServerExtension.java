package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A feature that serves part of {@code /fhir} next to the store, as the DiagnosticReport intake does: it adds HAPI providers
 * and interceptors, takes over the create of some resource types, and may claim bundles POSTed to the base before the store
 * processes them as a transaction or batch. Found as Spring beans; without one the server is the plain store.
 */
public interface FhirServerExtension {
    /** HAPI resource or plain providers to register on the servlet. */
    List<Object> providers();

    /** HAPI interceptors to register on the servlet. */
    List<Object> interceptors();

    /** Resource types whose create ({@code POST /fhir/Type}) this extension serves instead of the store. */
    Set<String> createdTypes();

    /** The answer to a bundle POSTed to the base, or empty when it is not this extension's to handle. */
    Optional<Bundle> handleBundle(Bundle bundle, RequestDetails request);
}
