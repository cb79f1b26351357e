package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.Serial;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HAPI plain server behind {@code /fhir}: one provider per stored type, transactions and batches at the base, and what
 * the {@link FhirServerExtension}s add (the DiagnosticReport intake takes over DiagnosticReport create and report bundles).
 */
final class EmbeddedFhirServer extends RestfulServer {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int PAGED_SEARCHES_KEPT = 100;
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAXIMUM_PAGE_SIZE = 500;

    EmbeddedFhirServer(FhirContext fhirContext, ResourceStore store, SearchParameterCatalog catalog, List<FhirServerExtension> extensions) {
        super(fhirContext);
        SearchQueryParser parser = new SearchQueryParser(catalog);
        Set<String> createdElsewhere = extensions.stream().flatMap(e -> e.createdTypes().stream()).collect(Collectors.toSet());
        List<IResourceProvider> providers = catalog.resourceClasses().stream()
                .map(type -> createdElsewhere.contains(type.getSimpleName())
                        ? new EmbeddedResourceProvider(type, store, parser)
                        : (IResourceProvider) new EmbeddedResourceProvider.Creating(type, store, parser))
                .toList();
        setResourceProviders(providers);
        registerProvider(new TransactionProcessor(fhirContext, store, parser, extensions));
        extensions.forEach(extension -> {
            registerProviders(extension.providers());
            extension.interceptors().forEach(this::registerInterceptor);
        });
        registerInterceptor(new CapabilityStatementCustomizer(catalog));
        setServerName(CapabilityStatementCustomizer.TITLE);
        setImplementationDescription(CapabilityStatementCustomizer.DESCRIPTION);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setPagingProvider(new FifoMemoryPagingProvider(PAGED_SEARCHES_KEPT));
        setDefaultPageSize(DEFAULT_PAGE_SIZE);
        setMaximumPageSize(MAXIMUM_PAGE_SIZE);
    }
}
