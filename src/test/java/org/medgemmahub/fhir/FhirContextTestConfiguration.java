package org.medgemmahub.fhir;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Gives tests in sub-packages the hub's one FhirContext without starting the whole application. */
@Configuration(proxyBeanMethods = false)
@Import(FhirContextConfiguration.class)
public class FhirContextTestConfiguration {}
