package org.medgemmahub.medgemma;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Model client settings (medgemma.*), named as in the seed so MEDGEMMA_* variables keep working.
 * Plain numbers in the duration settings are seconds, as the seed wrote them; defaults live in application.yaml.
 *
 * @param api                 {@code simulator}, {@code tgi} or {@code openai}
 * @param baseUrl             server root without {@code /v1}
 * @param model               model id sent to OpenAI-compatible servers and recorded on results
 * @param token               bearer token (HF_TOKEN); never logged
 * @param timeout             read timeout of one call
 * @param maxTokensCap        no request asks for more tokens than this, whatever a template says
 * @param concurrency         model calls in flight at once from this hub instance
 * @param maxRetries          fast retries (backoff^attempt seconds, at most maxWait) before slow redelivery
 * @param coldStartTimeout    how long a warming-up server (502/503) is retried at the fast pace at least
 * @param redeliveryWindow    after this long since the first attempt a still-failing request is dead-lettered
 * @param redeliveryMaxDelay  cap of the growing delay between slow redeliveries
 */
@ConfigurationProperties("medgemma")
public record MedGemmaProperties(
        String api,
        URI baseUrl,
        String model,
        String token,
        boolean enabled,
        @DurationUnit(ChronoUnit.SECONDS) Duration timeout,
        double defaultTemperature,
        int defaultMaxTokens,
        int maxTokensCap,
        int concurrency,
        int maxRetries,
        double retryBackoff,
        @DurationUnit(ChronoUnit.SECONDS) Duration maxWait,
        @DurationUnit(ChronoUnit.SECONDS) Duration coldStartTimeout,
        Duration redeliveryWindow,
        Duration redeliveryMaxDelay) {

    static final Set<String> APIS = Set.of("simulator", "tgi", "openai");

    public MedGemmaProperties {
        if (api == null || !APIS.contains(api)) {
            throw new IllegalArgumentException("medgemma.api must be one of " + APIS + " but was '" + api + "'");
        }
        if (baseUrl == null || baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("medgemma.base-url must be an http(s) URL");
        }
        if (baseUrl.getPath() != null && baseUrl.getPath().replaceAll("/+$", "").endsWith("/v1")) {
            throw new IllegalArgumentException("medgemma.base-url must not end in /v1: the hub adds the API path");
        }
        if (model == null || model.isBlank()) throw new IllegalArgumentException("medgemma.model must not be blank");
        token = token == null || token.isBlank() ? null : token.trim();
        requirePositive(timeout, "medgemma.timeout");
        requirePositive(maxWait, "medgemma.max-wait");
        requirePositive(coldStartTimeout, "medgemma.cold-start-timeout");
        requirePositive(redeliveryWindow, "medgemma.redelivery-window");
        requirePositive(redeliveryMaxDelay, "medgemma.redelivery-max-delay");
        if (defaultTemperature < 0 || defaultTemperature > 2) {
            throw new IllegalArgumentException("medgemma.default-temperature must be between 0 and 2");
        }
        if (maxTokensCap < 1) throw new IllegalArgumentException("medgemma.max-tokens-cap must be at least 1");
        if (defaultMaxTokens < 1 || defaultMaxTokens > maxTokensCap) {
            throw new IllegalArgumentException("medgemma.default-max-tokens must be between 1 and medgemma.max-tokens-cap");
        }
        if (concurrency < 1) throw new IllegalArgumentException("medgemma.concurrency must be at least 1");
        if (maxRetries < 0) throw new IllegalArgumentException("medgemma.max-retries must not be negative");
        if (retryBackoff < 1.0) throw new IllegalArgumentException("medgemma.retry-backoff must be at least 1.0");
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration");
        }
    }

    /** The wire protocol spoken: the built-in simulator is spoken to as an OpenAI-compatible server. */
    public String wireApi() {
        return "simulator".equals(api) ? "openai" : api;
    }
}
