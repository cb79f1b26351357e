package org.medgemmahub.fhir.embedded;

import org.medgemmahub.fhir.FhirContextTestConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Just a servlet container, the FhirContext and the embedded FHIR server: no Camel routes, no broker. */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(ServletWebServerFactoryAutoConfiguration.class)
@Import({FhirContextTestConfiguration.class, EmbeddedFhirConfiguration.class})
class EmbeddedFhirTestApplication {}
