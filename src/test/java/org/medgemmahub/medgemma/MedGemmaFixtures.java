package org.medgemmahub.medgemma;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/** Named model-client settings for unit tests. */
final class MedGemmaFixtures {
    private MedGemmaFixtures() {
    }

    /** The defaults of application.yaml, changed field by field. */
    static final class Settings {
        String api = "openai";
        String baseUrl = "http://127.0.0.1:8090";
        String token;
        Duration timeout = Duration.ofSeconds(60);
        int defaultMaxTokens = 1024;
        int imageMaxTokens = 1024;
        double imageTemperature = 0.0;
        DataSize maxImageSize = DataSize.ofMegabytes(10);
        Set<String> allowedFormats = Set.of("jpeg", "png", "gif", "bmp");
        int concurrency = 4;
        Duration scaleUpTimeout = Duration.ofSeconds(60);
        String tgiRoute = "/";
        boolean tgiImages;
        String vertexToken;
        Path vertexTokenFile;
        MedGemmaProperties.CircuitBreaker circuitBreaker = new MedGemmaProperties.CircuitBreaker(50, 10, Duration.ofSeconds(30));

        MedGemmaProperties build() {
            return new MedGemmaProperties(api, URI.create(baseUrl), "google/medgemma-4b-it", token, true,
                    timeout, 0.0, defaultMaxTokens, 4096, imageTemperature, imageMaxTokens, maxImageSize,
                    allowedFormats, concurrency, 6, 2.0, Duration.ofSeconds(60), Duration.ofSeconds(60),
                    Duration.ofHours(24), Duration.ofMinutes(30), scaleUpTimeout, tgiRoute, tgiImages, vertexToken,
                    vertexTokenFile, circuitBreaker);
        }
    }

    static Settings settings(String api, String baseUrl) {
        Settings settings = new Settings();
        settings.api = api;
        settings.baseUrl = baseUrl;
        return settings;
    }

    /** The defaults of application.yaml, pointed at {@code baseUrl}. */
    static MedGemmaProperties defaults(String api, String baseUrl) {
        return settings(api, baseUrl).build();
    }

    static MedGemmaProperties defaults() {
        return defaults("openai", "http://127.0.0.1:8090");
    }

    /** The backend {@code medgemma.api} selects, as the application builds it. */
    static ModelBackend backend(MedGemmaProperties properties) {
        ModelBackendConfiguration configuration = new ModelBackendConfiguration();
        ModelHttpClient http = configuration.modelHttpClient(properties);
        return configuration.modelBackend(properties, http, configuration.vertexTokenSource(properties));
    }

    static final String VERTEX_ENDPOINT = "/v1/projects/demo-project/locations/europe-west4/endpoints/1234567890";
}
