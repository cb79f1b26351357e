package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medgemmahub.pipeline.InferenceRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads prompt templates by task id: from {@code hub.prompts.dir} when a file of that name is there, else from
 * the jar's {@code prompts/}. Templates are read once and kept; restart to pick up an edited file.
 */
@Component("promptTemplates")
public class PromptTemplates {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path overrideDir;
    private final MedGemmaProperties properties;
    private final Map<String, PromptTemplate> loaded = new ConcurrentHashMap<>();

    public PromptTemplates(@Value("${hub.prompts.dir:}") String overrideDir, MedGemmaProperties properties) {
        this.overrideDir = overrideDir == null || overrideDir.isBlank() ? null : Path.of(overrideDir);
        this.properties = properties;
    }

    public PromptTemplate get(String task) {
        if (task == null || !task.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new ModelRequestRejectedException("PROMPT-UNKNOWN", 0, "invalid task name");
        }
        return loaded.computeIfAbsent(task, this::load);
    }

    /** The model call for one queued request: template text filled in, token limit capped by configuration. */
    public ModelPrompt render(PromptTemplate template, InferenceRequest request) {
        String procedure = request.procedure() == null ? "" : firstNonBlank(request.procedure().display(), request.procedure().code());
        Map<String, String> values = Map.of(
                "procedure", procedure.isBlank() ? "not stated" : procedure,
                "modality", request.modality() == null ? "not stated" : request.modality(),
                "text", request.text() == null ? "" : request.text());
        return render(template, values, request.imageJpegBase64(), null, null);
    }

    /**
     * The model call for a template and placeholder values. Text calls take {@code default-temperature} and at most
     * {@code default-max-tokens}; image calls {@code image-temperature} and at most {@code image-max-tokens}; a
     * template or caller may ask for fewer tokens, never more, and never above {@code max-tokens-cap}.
     *
     * @param requestedMaxTokens  the caller's wish, or null
     * @param requestedTemperature the caller's wish, or null
     */
    public ModelPrompt render(PromptTemplate template, Map<String, String> values, String imageJpegBase64,
                              Integer requestedMaxTokens, Double requestedTemperature) {
        String user = template.user();
        for (Map.Entry<String, String> value : values.entrySet()) {
            user = user.replace("{{" + value.getKey() + "}}", value.getValue() == null ? "" : value.getValue());
        }
        boolean image = imageJpegBase64 != null && !imageJpegBase64.isEmpty();
        int cap = Math.min(image ? properties.imageMaxTokens() : properties.defaultMaxTokens(), properties.maxTokensCap());
        int wanted = requestedMaxTokens != null ? requestedMaxTokens : template.maxTokens() != null ? template.maxTokens() : cap;
        int maxTokens = Math.max(1, Math.min(wanted, cap));
        double temperature = requestedTemperature != null ? requestedTemperature
                : template.temperature() != null ? template.temperature()
                : image ? properties.imageTemperature() : properties.defaultTemperature();
        return new ModelPrompt(template.system(), user, imageJpegBase64, maxTokens, temperature);
    }

    private PromptTemplate load(String task) {
        String fileName = task + ".yaml";
        try {
            if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(fileName))) {
                try (InputStream in = Files.newInputStream(overrideDir.resolve(fileName))) {
                    return checked(task, YAML.readValue(in, PromptTemplate.class));
                }
            }
            try (InputStream in = PromptTemplates.class.getResourceAsStream("/prompts/" + fileName)) {
                if (in == null) throw new ModelRequestRejectedException("PROMPT-UNKNOWN", 0, "no prompt template for task " + task);
                return checked(task, YAML.readValue(in, PromptTemplate.class));
            }
        } catch (IOException e) {
            throw new ModelRequestRejectedException("PROMPT-INVALID", 0, "prompt template " + fileName + " cannot be read: " + e.getMessage());
        }
    }

    private static PromptTemplate checked(String task, PromptTemplate template) {
        if (!task.equals(template.id())) {
            throw new ModelRequestRejectedException("PROMPT-INVALID", 0, "prompt file " + task + ".yaml declares id " + template.id());
        }
        return template;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b == null ? "" : b;
    }
}
