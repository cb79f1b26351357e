package org.medgemmahub.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/** One HTTP request and its answer; every answer is labelled as simulated. */
final class SimulatorExchange {
    static final String SIMULATOR_HEADER = "X-MedGemma-Simulator";
    /** Far above TGI's 2 MB default payload limit; only protects the simulator itself. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final HttpExchange exchange;

    SimulatorExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    /** First value of a request header, or null. */
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    boolean hasJsonContentType() {
        String value = header("Content-Type");
        if (value == null)
            return false;
        String mediaType = value.split(";", 2)[0].strip();
        return mediaType.equalsIgnoreCase("application/json");
    }

    /** @throws RejectedRequest 413 when the body is larger than {@link #MAX_BODY_BYTES} */
    byte[] body() throws IOException, RejectedRequest {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES)
                throw RejectedRequest.plainText(413, "Failed to buffer the request body: length limit exceeded");
            return body;
        }
    }

    void send(Reply reply) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set(SIMULATOR_HEADER, "true");
        if (reply.contentType() != null)
            headers.set("Content-Type", reply.contentType());
        reply.headers().forEach(headers::set);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
