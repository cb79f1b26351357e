package org.medgemmahub.fhir.intake;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Polling a FHIR server for new DiagnosticReports (hub.fhir.poll.*); defaults live in application.yaml.
 *
 * @param enabled       run the fhir-poll route on its timer
 * @param baseUrl       the FHIR server searched (also used when an empty Subscription notification asks for a poll)
 * @param interval      time between searches
 * @param pageSize      reports per search ({@code _count}); the next search goes on from the last one
 * @param watermarkFile where the {@code _lastUpdated} watermark is kept across restarts
 */
@ConfigurationProperties("hub.fhir.poll")
public record FhirPollProperties(boolean enabled, String baseUrl, Duration interval, int pageSize, Path watermarkFile) {
    public FhirPollProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
        if (enabled && baseUrl == null) throw new IllegalArgumentException("hub.fhir.poll.base-url is required when hub.fhir.poll.enabled is true");
        if (interval == null || interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("hub.fhir.poll.interval must be positive");
        if (pageSize < 1 || pageSize > 500) throw new IllegalArgumentException("hub.fhir.poll.page-size must be 1 to 500");
        if (watermarkFile == null) throw new IllegalArgumentException("hub.fhir.poll.watermark-file must be set");
    }
}
