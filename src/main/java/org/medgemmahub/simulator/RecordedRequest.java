package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The last generation request as the simulator received it, for tests that assert the exact wire format
 * ({@code GET /control/last-request}). The bearer token is reduced to whether one was sent.
 *
 * @param scaleUpTimeout the {@code X-Scale-Up-Timeout} header, or null
 */
record RecordedRequest(String method, String path, String contentType, boolean bearer, String scaleUpTimeout, JsonNode body) {
    static RecordedRequest of(SimulatorExchange exchange, JsonNode body) {
        String authorization = exchange.header("Authorization");
        return new RecordedRequest(exchange.method(), exchange.path(), exchange.header("Content-Type"),
                authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7),
                exchange.header("X-Scale-Up-Timeout"), body);
    }

    ObjectNode toJson() {
        ObjectNode json = SimulatorJson.object()
                .put("method", method)
                .put("path", path)
                .put("contentType", contentType)
                .put("bearer", bearer)
                .put("scaleUpTimeout", scaleUpTimeout);
        json.set("body", body);
        return json;
    }
}
