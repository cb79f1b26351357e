package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Talks to a running simulator over real HTTP, as the hub does. */
final class SimulatorClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final String baseUrl;

    SimulatorClient(MedGemmaSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> getWithAuthorization(String path, String authorization) {
        return send(request(path).header("Authorization", authorization).GET().build());
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(jsonRequest(path, json, headers));
    }

    CompletableFuture<HttpResponse<String>> postJsonAsync(String path, String json) {
        return http.sendAsync(jsonRequest(path, json), BodyHandlers.ofString());
    }

    /** Posts without a Content-Type header. */
    HttpResponse<String> postRaw(String path, String body) {
        return send(request(path).POST(BodyPublishers.ofString(body)).build());
    }

    JsonNode control() {
        return json(get("/control"));
    }

    HttpResponse<String> control(String changes) {
        return postJson("/control", changes);
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest jsonRequest(String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json));
        if (headers.length > 0)
            builder.headers(headers);
        return builder.build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
