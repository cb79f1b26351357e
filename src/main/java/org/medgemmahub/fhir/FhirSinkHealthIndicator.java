package org.medgemmahub.fhir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the FHIR server results are written to ({@code fhirSink} in /actuator/health): its
 * {@code /metadata} must answer 200 within five seconds. While it is down results wait on their queue.
 */
@Component("fhirSinkHealthIndicator")
class FhirSinkHealthIndicator implements HealthIndicator {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI metadata;
    private final String server;

    FhirSinkHealthIndicator(@Value("${hub.fhir.server-url}") String serverUrl) {
        this.server = serverUrl.replaceAll("/+$", "");
        this.metadata = URI.create(server + "/metadata");
    }

    @Override
    public Health health() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(metadata).timeout(TIMEOUT)
                    .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.discarding());
            Health.Builder health = response.statusCode() == 200 ? Health.up() : Health.down();
            return health.withDetail("server", server).withDetail("status", response.statusCode()).build();
        } catch (java.io.IOException e) {
            return Health.down().withDetail("server", server).withDetail("error", e.getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("server", server).build();
        }
    }
}
