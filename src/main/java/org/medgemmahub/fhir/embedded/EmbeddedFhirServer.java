package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.Serial;
import java.util.List;

/** The HAPI plain server behind {@code /fhir}: one provider per stored type, transactions and batches at the base. */
final class EmbeddedFhirServer extends RestfulServer {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int PAGED_SEARCHES_KEPT = 100;
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAXIMUM_PAGE_SIZE = 500;

    EmbeddedFhirServer(FhirContext fhirContext, ResourceStore store, SearchParameterCatalog catalog) {
        super(fhirContext);
        SearchQueryParser parser = new SearchQueryParser(catalog);
        List<IResourceProvider> providers = catalog.resourceClasses().stream()
                .map(type -> (IResourceProvider) new EmbeddedResourceProvider(type, store, parser))
                .toList();
        setResourceProviders(providers);
        registerProvider(new TransactionProcessor(fhirContext, store, parser));
        registerInterceptor(new CapabilityStatementCustomizer(catalog));
        setServerName(CapabilityStatementCustomizer.TITLE);
        setImplementationDescription(CapabilityStatementCustomizer.DESCRIPTION);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setPagingProvider(new FifoMemoryPagingProvider(PAGED_SEARCHES_KEPT));
        setDefaultPageSize(DEFAULT_PAGE_SIZE);
        setMaximumPageSize(MAXIMUM_PAGE_SIZE);
    }
}
