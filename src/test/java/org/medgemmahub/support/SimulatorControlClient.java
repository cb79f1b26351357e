package org.medgemmahub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads and changes the built-in simulator's behaviour over its HTTP control endpoint, as tests must. */
public final class SimulatorControlClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public SimulatorControlClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** GET /control: behaviour, cold-start state and counters. */
    public JsonNode state() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/control")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** POST /control with a JSON object of changes, e.g. {@code {"coldStartSeconds": 5}}. */
    public void change(String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/control"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("simulator control answered " + response.statusCode());
    }

    /** POST /control/reset: the construction behaviour, cleared counters and no recorded request. */
    public void reset() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/control/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("simulator reset answered " + response.statusCode());
    }

    /** GET /control/last-request: path, content type, bearer flag, X-Scale-Up-Timeout and body of the last call. */
    public JsonNode lastRequest() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/control/last-request")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("simulator has recorded no request (" + response.statusCode() + ")");
        return JSON.readTree(response.body());
    }

    /** Calls the simulator received (generation routes), failed or not. */
    public long received() throws Exception {
        return state().path("counters").path("received").asLong();
    }

    public long failures(int status) throws Exception {
        return state().path("counters").path("failed").path(String.valueOf(status)).asLong(0);
    }

    public long succeeded() throws Exception {
        return state().path("counters").path("succeeded").asLong();
    }
}
