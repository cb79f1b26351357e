package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves the embedded FHIR server at {@code /fhir} when {@code hub.fhir.embedded.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.fhir.embedded.enabled", havingValue = "true")
@EnableConfigurationProperties(EmbeddedFhirProperties.class)
class EmbeddedFhirConfiguration {
    static final String URL_MAPPING = "/fhir/*";
    private static final SearchParameterCatalog CATALOG = SearchParameterCatalog.standard();

    /** Loads what earlier runs stored; a file it cannot read stops start-up rather than silently dropping a result. */
    @Bean
    ResourceStore embeddedFhirStore(FhirContext fhirContext, EmbeddedFhirProperties properties) throws IOException {
        return ResourceStore.open(properties.storeDir(), fhirContext, CATALOG.resourceTypes());
    }

    @Bean
    ServletRegistrationBean<EmbeddedFhirServer> embeddedFhirServlet(FhirContext fhirContext, ResourceStore embeddedFhirStore,
                                                                    ObjectProvider<FhirServerExtension> extensions) {
        EmbeddedFhirServer server = new EmbeddedFhirServer(fhirContext, embeddedFhirStore, CATALOG, extensions.orderedStream().toList());
        ServletRegistrationBean<EmbeddedFhirServer> registration = new ServletRegistrationBean<>(server, URL_MAPPING);
        registration.setName("embeddedFhirServer");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
