package org.medgemmahub.medgemma;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/** Named model-client settings for unit tests. */
final class MedGemmaFixtures {
    private MedGemmaFixtures() {
    }

    /** The defaults of application.yaml, pointed at {@code baseUrl}. */
    static MedGemmaProperties defaults(String api, String baseUrl) {
        return new MedGemmaProperties(api, URI.create(baseUrl), "google/medgemma-4b-it", null, true,
                Duration.ofSeconds(60), 0.0, 1024, 4096, 0.0, 1024, DataSize.ofMegabytes(10),
                Set.of("jpeg", "png", "gif", "bmp"), 4, 6, 2.0, Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofSeconds(60), "/", false, null, null,
                new MedGemmaProperties.CircuitBreaker(50, 10, Duration.ofSeconds(30)));
    }

    static MedGemmaProperties defaults() {
        return defaults("openai", "http://127.0.0.1:8090");
    }
}
