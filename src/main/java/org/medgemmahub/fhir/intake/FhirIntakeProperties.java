package org.medgemmahub.fhir.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * FHIR intake settings (hub.fhir.intake.*); defaults live in application.yaml.
 *
 * @param referenceBaseUrl FHIR server from which the Patient, result Observations, Media and Binary a posted report refers to
 *                         are read when they are not in the request itself (default: the hub's FHIR server)
 * @param textTask         prompt template for reports without an image
 * @param maxBundleReports most DiagnosticReports accepted in one bundle
 */
@ConfigurationProperties("hub.fhir.intake")
public record FhirIntakeProperties(String referenceBaseUrl, String textTask, int maxBundleReports) {
    public FhirIntakeProperties {
        if (textTask == null || textTask.isBlank()) throw new IllegalArgumentException("hub.fhir.intake.text-task must be set");
        if (maxBundleReports < 1) throw new IllegalArgumentException("hub.fhir.intake.max-bundle-reports must be at least 1");
        referenceBaseUrl = referenceBaseUrl == null || referenceBaseUrl.isBlank() ? null : referenceBaseUrl.strip();
    }
}
