package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * JSON over HTTP to the model server: one pooled keep-alive client, bearer token, timeouts, and every failure
 * turned into {@link ModelUnavailableException} or {@link ModelRequestRejectedException}. A 200 answer that is an
 * event stream carrying an error event counts as that error.
 */
class ModelHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** A status and body as received, for probes that judge the answer themselves. */
    record Answer(int status, String body) {
    }

    private final HttpClient http;
    private final URI baseUrl;
    private final String token;
    private final Duration timeout;

    ModelHttpClient(MedGemmaProperties properties) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
        String base = properties.baseUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.token = properties.token();
        this.timeout = properties.timeout();
    }

    Duration timeout() {
        return timeout;
    }

    JsonNode post(String path, JsonNode body) {
        return post(path, body, Map.of(), timeout);
    }

    /** POST to a path under the base URL with extra headers and a read timeout of its own. */
    JsonNode post(String path, JsonNode body, Map<String, String> headers, Duration readTimeout) {
        return postTo(resolve(path), path, body, token, headers, readTimeout);
    }

    /**
     * POST to an absolute URI (Vertex {@code ...endpoints/E:predict}).
     *
     * @param label  how the target is named in failure reasons (a path, never a token)
     * @param bearer the bearer token to send, or null
     */
    JsonNode postTo(URI target, String label, JsonNode body, String bearer, Map<String, String> headers, Duration readTimeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        HttpResponse<String> response = send(request.build(), label, readTimeout);
        if (response.statusCode() / 100 != 2) {
            throw ModelErrorClassifier.classify(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After"), label);
        }
        Optional<RuntimeException> streamError = StreamErrorEvents.find(response.body(), label);
        if (streamError.isPresent()) throw streamError.get();
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ModelUnavailableException("MODEL-BAD-RESPONSE", response.statusCode(),
                    "answer from " + label + " is not JSON", null, false, e);
        }
    }

    /** GET a path under the base URL; connection failures still throw {@link ModelUnavailableException}. */
    Answer get(String path, String bearer) {
        return getFrom(resolve(path), path, bearer);
    }

    Answer getFrom(URI target, String label, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(CONNECT_TIMEOUT).GET();
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        HttpResponse<String> response = send(request.build(), label, CONNECT_TIMEOUT);
        return new Answer(response.statusCode(), response.body());
    }

    String token() {
        return token;
    }

    private HttpResponse<String> send(HttpRequest request, String label, Duration readTimeout) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ModelUnavailableException("MODEL-TIMEOUT", 0, "no answer from " + label + " within " + readTimeout, null, false, e);
        } catch (ConnectException e) {
            throw new ModelUnavailableException("MODEL-CONNECT", 0, "cannot connect to " + request.uri().getHost() + ":"
                    + request.uri().getPort() + " (" + e.getClass().getSimpleName() + ")", null, true, e);
        } catch (IOException e) {
            throw new ModelUnavailableException("MODEL-IO", 0, "I/O error calling " + label + ": " + e.getClass().getSimpleName(), null, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("MODEL-INTERRUPTED", 0, "interrupted calling " + label, null, false, e);
        }
    }

    private URI resolve(String path) {
        return baseUrl.resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
