package org.medgemmahub.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches on exact method and path, as axum does: an unknown path is 404 and a wrong method 405, both empty.
 * Logs method, path, status and latency at DEBUG, never bodies: prompts and images are patient data.
 */
final class SimulatorRouter implements HttpHandler {
    /** One route's handler. */
    interface Route {
        Reply handle(SimulatorExchange exchange) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(SimulatorRouter.class);

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final VertexHandler vertex;

    SimulatorRouter(TgiHandler tgi, OpenAiHandler openAi, VertexHandler vertex, ControlHandler control) {
        this.vertex = vertex;
        routes.put("POST /generate", tgi::generate);
        routes.put("POST /", tgi::generateCompat);
        routes.put("GET /", tgi::health);
        routes.put("GET /health", tgi::health);
        routes.put("GET /info", tgi::info);
        routes.put("POST /v1/chat/completions", openAi::chatCompletions);
        routes.put("GET /v1/models", openAi::models);
        routes.put("GET /control", control::show);
        routes.put("POST /control", control::change);
        routes.put("POST /control/reset", control::reset);
        routes.put("GET /control/last-request", control::lastRequest);
    }

    @Override
    public void handle(HttpExchange httpExchange) throws IOException {
        long started = System.nanoTime();
        var exchange = new SimulatorExchange(httpExchange);
        Reply reply;
        try {
            reply = route(exchange);
        } catch (IOException | RuntimeException e) {
            log.warn("Simulator failed on {} {}: {}", exchange.method(), exchange.path(), e.getClass().getName());
            reply = Reply.text(500, "simulator internal error");
        }
        try {
            exchange.send(reply);
        } finally {
            log.debug("{} {} -> {} in {} ms", exchange.method(), exchange.path(), reply.status(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private Reply route(SimulatorExchange exchange) throws IOException {
        Route route = routes.get(exchange.method() + " " + exchange.path());
        if (route != null)
            return route.handle(exchange);
        if (VertexHandler.isPredict(exchange.path()))
            return exchange.method().equals("POST") ? vertex.predict(exchange) : Reply.empty(405);
        if (VertexHandler.isEndpoint(exchange.path()))
            return exchange.method().equals("GET") ? vertex.endpoint(exchange) : Reply.empty(405);
        boolean pathExists = routes.keySet().stream().anyMatch(key -> key.endsWith(" " + exchange.path()));
        return Reply.empty(pathExists ? 405 : 404);
    }
}
