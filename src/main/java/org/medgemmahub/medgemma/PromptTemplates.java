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

    /** The model call for one request: template text filled in, token limit capped by configuration. */
    public ModelPrompt render(PromptTemplate template, InferenceRequest request) {
        String procedure = request.procedure() == null ? "" : firstNonBlank(request.procedure().display(), request.procedure().code());
        String user = template.user()
                .replace("{{procedure}}", procedure.isBlank() ? "not stated" : procedure)
                .replace("{{modality}}", request.modality() == null ? "not stated" : request.modality())
                .replace("{{text}}", request.text() == null ? "" : request.text());
        int maxTokens = Math.min(template.maxTokens() == null ? properties.defaultMaxTokens() : template.maxTokens(),
                properties.maxTokensCap());
        double temperature = template.temperature() == null ? properties.defaultTemperature() : template.temperature();
        return new ModelPrompt(template.system(), user, request.imageJpegBase64(), maxTokens, temperature);
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
