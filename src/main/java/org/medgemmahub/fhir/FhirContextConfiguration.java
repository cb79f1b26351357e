package org.medgemmahub.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one R4 {@link FhirContext} of the hub: expensive to build, shared by parser, client, server and validator. */
@Configuration(proxyBeanMethods = false)
class FhirContextConfiguration {
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }
}
