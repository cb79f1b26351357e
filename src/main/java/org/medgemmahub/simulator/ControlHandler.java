package org.medgemmahub.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /control} shows behaviour and counters; {@code POST /control} changes any of the keys in
 * {@link #KEYS}, all or nothing; {@code POST /control/reset} restores the construction behaviour and clears counters.
 */
final class ControlHandler {
    static final Set<String> KEYS = Set.of("coldStartSeconds", "latencyMillis", "failNext", "markdownFences",
            "truncateJson", "chatRoute404", "healthy", "maxImages", "lengthLimit", "vertexPredictionsAsList", "paused", "strictModel");

    private final SimulatorControl control;
    private final SimulatorSettings settings;

    ControlHandler(SimulatorControl control, SimulatorSettings settings) {
        this.control = control;
        this.settings = settings;
    }

    Reply show(SimulatorExchange exchange) {
        return Reply.json(200, control.toJson()
                .put("modelId", settings.modelId())
                .put("apiKeyRequired", settings.requiresApiKey()));
    }

    Reply change(SimulatorExchange exchange) throws IOException {
        try {
            JsonNode changes = SimulatorJson.parse(exchange.body());
            if (!changes.isObject())
                return error("the control body must be a JSON object");
            control.change(current -> apply(changes, current), changes.has("coldStartSeconds"));
            return show(exchange);
        } catch (JsonProcessingException e) {
            return error("Failed to parse the request body as JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        } catch (RejectedRequest e) {
            return Reply.text(e.status(), e.getMessage());
        }
    }

    /** The last generation request received, as the client sent it (bearer token reduced to a flag); 404 if none yet. */
    Reply lastRequest(SimulatorExchange exchange) {
        RecordedRequest last = control.lastRequest();
        return last == null ? Reply.empty(404) : Reply.json(200, last.toJson());
    }

    Reply reset(SimulatorExchange exchange) {
        control.reset();
        return show(exchange);
    }

    private static SimulatorBehaviour apply(JsonNode changes, SimulatorBehaviour current) {
        SimulatorBehaviour next = current;
        for (Map.Entry<String, JsonNode> field : changes.properties()) {
            JsonNode value = field.getValue();
            next = switch (field.getKey()) {
                case "coldStartSeconds" -> next.withColdStart(Duration.ofMillis(Math.round(number(field) * 1000)));
                case "latencyMillis" -> next.withLatency(Duration.ofMillis(Math.round(number(field))));
                case "failNext" -> next.withFailNext(value.isNull() ? null : failure(value));
                case "markdownFences" -> next.withMarkdownFences(bool(field));
                case "truncateJson" -> next.withTruncateJson(bool(field));
                case "chatRoute404" -> next.withChatRoute404(bool(field));
                case "healthy" -> next.withHealthy(bool(field));
                case "maxImages" -> next.withMaxImages((int) Math.round(number(field)));
                case "lengthLimit" -> next.withLengthLimit(value.isNull() ? null : (int) Math.round(number(field)));
                case "vertexPredictionsAsList" -> next.withVertexPredictionsAsList(bool(field));
                case "paused" -> next.withPaused(bool(field));
                case "strictModel" -> next.withStrictModel(bool(field));
                default -> throw new IllegalArgumentException(
                        "unknown control key `" + field.getKey() + "`; known keys: " + KEYS);
            };
        }
        return next;
    }

    private static InjectedFailure failure(JsonNode value) {
        if (!value.isObject() || !value.path("status").isIntegralNumber())
            throw new IllegalArgumentException(
                    "failNext must be {\"status\": int, \"count\": int, \"retryAfterSeconds\": int, \"stream\": bool}");
        JsonNode retryAfter = value.path("retryAfterSeconds");
        return new InjectedFailure(value.get("status").asInt(), value.path("count").asInt(1),
                retryAfter.isNumber() ? Integer.valueOf(retryAfter.asInt()) : null, value.path("stream").asBoolean(false));
    }

    private static double number(Map.Entry<String, JsonNode> field) {
        if (!field.getValue().isNumber())
            throw new IllegalArgumentException(field.getKey() + " must be a number");
        return field.getValue().asDouble();
    }

    private static boolean bool(Map.Entry<String, JsonNode> field) {
        if (!field.getValue().isBoolean())
            throw new IllegalArgumentException(field.getKey() + " must be true or false");
        return field.getValue().asBoolean();
    }

    private static Reply error(String message) {
        return Reply.json(400, SimulatorJson.object().put("error", message));
    }
}
