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

/**
 * JSON over HTTP to the model server: one pooled keep-alive client, bearer token, timeouts, and every failure
 * turned into {@link ModelUnavailableException} or {@link ModelRequestRejectedException}.
 */
class ModelHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

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

    JsonNode post(String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = send(request.build(), path);
        if (response.statusCode() / 100 != 2) {
            throw ModelErrorClassifier.classify(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After"), path);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ModelUnavailableException("MODEL-BAD-RESPONSE", response.statusCode(),
                    "answer from " + path + " is not JSON", null, false, e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ModelUnavailableException("MODEL-TIMEOUT", 0, "no answer from " + path + " within " + timeout, null, false, e);
        } catch (ConnectException e) {
            throw new ModelUnavailableException("MODEL-CONNECT", 0, "cannot connect to " + baseUrl + " (" + e.getClass().getSimpleName() + ")", null, true, e);
        } catch (IOException e) {
            throw new ModelUnavailableException("MODEL-IO", 0, "I/O error calling " + path + ": " + e.getClass().getSimpleName(), null, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("MODEL-INTERRUPTED", 0, "interrupted calling " + path, null, false, e);
        }
    }

    private URI resolve(String path) {
        return baseUrl.resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
