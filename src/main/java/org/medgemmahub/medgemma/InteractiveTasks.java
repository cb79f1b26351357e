package org.medgemmahub.medgemma;

import org.medgemmahub.pipeline.ImageTasks;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The model tasks behind the interactive REST API: a free question, findings for one image, medical context for a
 * symptom. Synchronous and not queued; the same templates, guard (concurrency limit, circuit breaker), token caps
 * and output handling as queued requests.
 */
@Component("interactiveTasks")
public class InteractiveTasks {
    static final String FREE_QUESTION = "free-question";
    static final String MEDICAL_CONTEXT = "medical-context";

    /** An answer with the template that produced it. */
    public record Outcome(ModelAnswer answer, PromptTemplate template) {
    }

    private final PromptTemplates templates;
    private final ModelTaskRunner runner;

    public InteractiveTasks(PromptTemplates templates, ModelTaskRunner runner) {
        this.templates = templates;
        this.runner = runner;
    }

    /** @param temperature null for the configured one; @param maxTokens null for the cap, else at most the cap */
    public Outcome question(String message, Double temperature, Integer maxTokens) {
        return run(FREE_QUESTION, Map.of("text", message), null, maxTokens, temperature);
    }

    /** @param modality DICOM code or name choosing the template (see {@link ImageTasks}), or null */
    public Outcome image(String imageJpegBase64, String query, String modality) {
        return run(ImageTasks.forModality(modality), Map.of(
                "text", query == null || query.isBlank() ? "none given" : query,
                "modality", modality == null || modality.isBlank() ? "not stated" : modality), imageJpegBase64, null, null);
    }

    public Outcome context(String symptom) {
        return run(MEDICAL_CONTEXT, Map.of("symptom", symptom), null, null, null);
    }

    private Outcome run(String task, Map<String, String> values, String image, Integer maxTokens, Double temperature) {
        PromptTemplate template = templates.get(task);
        ModelPrompt prompt = templates.render(template, values, image, maxTokens, temperature);
        return new Outcome(runner.run("interactive:" + task, template, prompt), template);
    }
}
