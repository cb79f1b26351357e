package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * Probes the model server without generating: TGI {@code /health} then {@code /info}; OpenAI-compatible
 * {@code /v1/models}, else {@code /health}; Vertex a GET of the endpoint resource. Reports reachable, cold or
 * unreachable and the model id.
 */
@Component("modelStatusCheck")
public class ModelStatusCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MedGemmaProperties properties;
    private final ModelHttpClient http;
    private final VertexTokenSource vertexTokens;

    public ModelStatusCheck(MedGemmaProperties properties, ModelHttpClient http, VertexTokenSource vertexTokens) {
        this.properties = properties;
        this.http = http;
        this.vertexTokens = vertexTokens;
    }

    public ModelStatus check() {
        try {
            return switch (properties.wireApi()) {
                case "tgi" -> tgi();
                case "vertex" -> vertex();
                default -> openAi();
            };
        } catch (ModelUnavailableException e) {
            return status(ModelStatus.UNREACHABLE, properties.model(), e.code());
        }
    }

    private ModelStatus tgi() {
        ModelHttpClient.Answer health = http.get("/health", http.token());
        if (health.status() != 200) return notReady(health);
        ModelHttpClient.Answer info = http.get("/info", http.token());
        String model = info.status() == 200 ? field(info.body(), "model_id") : null;
        return status(ModelStatus.REACHABLE, model == null ? properties.model() : model, null);
    }

    private ModelStatus openAi() {
        ModelHttpClient.Answer models = http.get("/v1/models", http.token());
        if (models.status() == 200) {
            String model = null;
            try {
                model = JSON.readTree(models.body()).path("data").path(0).path("id").textValue();
            } catch (IOException notJson) {
                // keep the configured model id
            }
            return status(ModelStatus.REACHABLE, model == null ? properties.model() : model, null);
        }
        if (models.status() == 502 || models.status() == 503) return notReady(models);
        ModelHttpClient.Answer health = http.get("/health", http.token());
        return health.status() == 200 ? status(ModelStatus.REACHABLE, properties.model(), null) : notReady(health);
    }

    private ModelStatus vertex() {
        URI endpoint = URI.create(properties.baseUrl().toString().replaceAll("/+$", ""));
        ModelHttpClient.Answer answer = http.getFrom(endpoint, endpoint.getPath(), vertexTokens.current());
        if (answer.status() != 200) return notReady(answer);
        String model = null;
        try {
            model = JSON.readTree(answer.body()).path("deployedModels").path(0).path("displayName").textValue();
        } catch (IOException notJson) {
            // keep the configured model id
        }
        return status(ModelStatus.REACHABLE, model == null ? properties.model() : model, null);
    }

    private ModelStatus notReady(ModelHttpClient.Answer answer) {
        boolean cold = answer.status() == 502 || answer.status() == 503;
        return status(cold ? ModelStatus.COLD : ModelStatus.UNREACHABLE, properties.model(), "HTTP " + answer.status());
    }

    private ModelStatus status(String state, String model, String detail) {
        return new ModelStatus(state, properties.baseUrl().toString(), model, detail);
    }

    private static String field(String body, String name) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path(name).textValue();
        } catch (IOException notJson) {
            return null;
        }
    }
}
