package org.medgemmahub.medgemma;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Model client settings (medgemma.*), named as in the seed so MEDGEMMA_* variables keep working.
 * Plain numbers in the duration settings are seconds, as the seed wrote them; defaults live in application.yaml.
 *
 * @param api                 {@code simulator}, {@code tgi}, {@code openai} or {@code vertex}
 * @param baseUrl             server root without {@code /v1}; for vertex the full endpoint resource URL
 *                            ({@code https://REGION-aiplatform.googleapis.com/v1/projects/P/locations/R/endpoints/E})
 * @param model               model id sent to OpenAI-compatible servers and recorded on results
 * @param token               bearer token (HF_TOKEN); never logged
 * @param timeout             read timeout of one call
 * @param defaultMaxTokens    output token limit of a text request, and the cap of what a caller may ask for
 * @param maxTokensCap        no request asks for more tokens than this, whatever a template says
 * @param imageTemperature    temperature of image requests when the template does not say
 * @param imageMaxTokens      output token limit (and cap) of an image request
 * @param maxImageSize        larger uploaded images are refused before decoding
 * @param allowedFormats      image formats accepted as input (jpeg, png, gif, bmp)
 * @param concurrency         model calls in flight at once from this hub instance
 * @param maxRetries          fast retries (backoff^attempt seconds, at most maxWait) before slow redelivery
 * @param coldStartTimeout    how long a warming-up server (502/503) is retried at the fast pace at least
 * @param redeliveryWindow    after this long since the first attempt a still-failing request is dead-lettered
 * @param redeliveryMaxDelay  cap of the growing delay between slow redeliveries
 * @param scaleUpTimeout      sent to TGI as {@code X-Scale-Up-Timeout} so a scaled-to-zero HF endpoint holds the
 *                            request this long instead of answering 503; 0 sends no header
 * @param tgiRoute            {@code /} (TGI router and the HF default container) or {@code /generate} (TGI only)
 * @param tgiImages           the tgi server runs a vision model: images go inline as Markdown data URIs
 * @param vertexToken         OAuth2 access token for Vertex AI (MEDGEMMA_VERTEX_TOKEN); falls back to token
 * @param vertexTokenFile     file holding the current Vertex token, re-read on a 401 (e.g. written by a sidecar)
 * @param circuitBreaker      when the model server keeps failing, calls stop for a while and requests wait queued
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
        double imageTemperature,
        int imageMaxTokens,
        DataSize maxImageSize,
        Set<String> allowedFormats,
        int concurrency,
        int maxRetries,
        double retryBackoff,
        @DurationUnit(ChronoUnit.SECONDS) Duration maxWait,
        @DurationUnit(ChronoUnit.SECONDS) Duration coldStartTimeout,
        Duration redeliveryWindow,
        Duration redeliveryMaxDelay,
        @DurationUnit(ChronoUnit.SECONDS) Duration scaleUpTimeout,
        String tgiRoute,
        boolean tgiImages,
        String vertexToken,
        Path vertexTokenFile,
        CircuitBreaker circuitBreaker) {

    static final Set<String> APIS = Set.of("simulator", "tgi", "openai", "vertex");
    static final Set<String> IMAGE_FORMATS = Set.of("jpeg", "png", "gif", "bmp");
    static final Set<String> TGI_ROUTES = Set.of("/", "/generate");

    /**
     * @param failureRateThreshold percentage of failed calls (unavailable server, not rejected requests) that opens it
     * @param minimumCalls         calls in the sliding window before the rate counts
     * @param openDuration         how long it stays open before letting a probe call through
     */
    public record CircuitBreaker(int failureRateThreshold, int minimumCalls, Duration openDuration) {
        public CircuitBreaker {
            if (failureRateThreshold < 1 || failureRateThreshold > 100)
                throw new IllegalArgumentException("medgemma.circuit-breaker.failure-rate-threshold must be 1 to 100");
            if (minimumCalls < 1) throw new IllegalArgumentException("medgemma.circuit-breaker.minimum-calls must be at least 1");
            requirePositive(openDuration, "medgemma.circuit-breaker.open-duration");
        }
    }

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
        if ("vertex".equals(api) && (baseUrl.getPath() == null || !baseUrl.getPath().contains("/endpoints/"))) {
            throw new IllegalArgumentException("medgemma.base-url for vertex must be the endpoint resource URL "
                    + "(.../v1/projects/P/locations/R/endpoints/E); the hub appends :predict");
        }
        if (model == null || model.isBlank()) throw new IllegalArgumentException("medgemma.model must not be blank");
        token = blankToNull(token);
        vertexToken = blankToNull(vertexToken);
        requirePositive(timeout, "medgemma.timeout");
        requirePositive(maxWait, "medgemma.max-wait");
        requirePositive(coldStartTimeout, "medgemma.cold-start-timeout");
        requirePositive(redeliveryWindow, "medgemma.redelivery-window");
        requirePositive(redeliveryMaxDelay, "medgemma.redelivery-max-delay");
        requireTemperature(defaultTemperature, "medgemma.default-temperature");
        requireTemperature(imageTemperature, "medgemma.image-temperature");
        if (maxTokensCap < 1) throw new IllegalArgumentException("medgemma.max-tokens-cap must be at least 1");
        if (defaultMaxTokens < 1 || defaultMaxTokens > maxTokensCap) {
            throw new IllegalArgumentException("medgemma.default-max-tokens must be between 1 and medgemma.max-tokens-cap");
        }
        if (imageMaxTokens < 1 || imageMaxTokens > maxTokensCap) {
            throw new IllegalArgumentException("medgemma.image-max-tokens must be between 1 and medgemma.max-tokens-cap");
        }
        if (maxImageSize == null || maxImageSize.toBytes() < 1) {
            throw new IllegalArgumentException("medgemma.max-image-size must be a positive size such as 10MB");
        }
        allowedFormats = normalisedFormats(allowedFormats);
        if (concurrency < 1) throw new IllegalArgumentException("medgemma.concurrency must be at least 1");
        if (maxRetries < 0) throw new IllegalArgumentException("medgemma.max-retries must not be negative");
        if (retryBackoff < 1.0) throw new IllegalArgumentException("medgemma.retry-backoff must be at least 1.0");
        scaleUpTimeout = scaleUpTimeout == null ? Duration.ZERO : scaleUpTimeout;
        if (scaleUpTimeout.isNegative()) throw new IllegalArgumentException("medgemma.scale-up-timeout must not be negative");
        tgiRoute = tgiRoute == null || tgiRoute.isBlank() ? "/" : tgiRoute.strip();
        if (!TGI_ROUTES.contains(tgiRoute)) {
            throw new IllegalArgumentException("medgemma.tgi-route must be one of " + TGI_ROUTES + " but was '" + tgiRoute + "'");
        }
        if (circuitBreaker == null) circuitBreaker = new CircuitBreaker(50, 10, Duration.ofSeconds(30));
    }

    private static Set<String> normalisedFormats(Set<String> formats) {
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("medgemma.allowed-formats must name at least one of " + IMAGE_FORMATS);
        }
        Set<String> normalised = formats.stream().map(f -> f.strip().toLowerCase(Locale.ROOT))
                .map(f -> f.equals("jpg") ? "jpeg" : f).collect(Collectors.toUnmodifiableSet());
        if (!IMAGE_FORMATS.containsAll(normalised)) {
            throw new IllegalArgumentException("medgemma.allowed-formats may only name " + IMAGE_FORMATS + " but was " + formats);
        }
        return normalised;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requireTemperature(double value, String key) {
        if (value < 0 || value > 2) throw new IllegalArgumentException(key + " must be between 0 and 2");
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

    /** The bearer token a Vertex call starts with: the Vertex token, else the general one. */
    String initialVertexToken() {
        return vertexToken != null ? vertexToken : token;
    }

    /** Keeps tokens out of logs and failure analysis output. */
    @Override
    public String toString() {
        return "MedGemmaProperties[api=" + api + ", baseUrl=" + baseUrl + ", model=" + model
                + ", token=" + (token == null ? "none" : "***") + ", vertexToken=" + (vertexToken == null ? "none" : "***")
                + ", timeout=" + timeout + ", concurrency=" + concurrency + "]";
    }
}
