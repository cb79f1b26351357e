package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.Serial;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With the embedded store disabled (results go to an external FHIR server), {@code /fhir} still serves the intake:
 * {@code POST /fhir/DiagnosticReport} and {@code POST /fhir} with a bundle of reports. Anything else there is not served.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.fhir.embedded.enabled", havingValue = "false")
class IntakeOnlyFhirConfiguration {

    @Bean
    ServletRegistrationBean<IntakeFhirServer> intakeFhirServlet(FhirContext fhirContext, IntakeServerExtension intake) {
        ServletRegistrationBean<IntakeFhirServer> registration = new ServletRegistrationBean<>(new IntakeFhirServer(fhirContext, intake), "/fhir/*");
        registration.setName("intakeFhirServer");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** The intake's providers and interceptors and a transaction endpoint that takes only bundles of reports. */
    static final class IntakeFhirServer extends RestfulServer {
        @Serial
        private static final long serialVersionUID = 1L;

        IntakeFhirServer(FhirContext fhirContext, IntakeServerExtension intake) {
            super(fhirContext);
            registerProviders(intake.providers());
            intake.interceptors().forEach(this::registerInterceptor);
            registerProvider(new ReportBundles(intake));
            setServerName("MedGemma Hub FHIR intake");
            setDefaultResponseEncoding(EncodingEnum.JSON);
        }
    }

    /** Public with a public method because HAPI calls it reflectively. */
    public static final class ReportBundles {
        private final IntakeServerExtension intake;

        ReportBundles(IntakeServerExtension intake) {
            this.intake = intake;
        }

        @Transaction
        public Bundle process(@TransactionParam Bundle bundle, RequestDetails request) {
            return intake.handleBundle(bundle, request).orElseThrow(() -> new UnprocessableEntityException(
                    "FHIR-INTAKE-NO-REPORT: this hub takes bundles holding DiagnosticReports here; it stores nothing else "
                            + "(results are written to an external FHIR server)"));
        }
    }
}
