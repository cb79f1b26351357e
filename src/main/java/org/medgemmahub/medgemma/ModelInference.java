package org.medgemmahub.medgemma;

import java.time.Clock;
import java.time.Instant;
import org.medgemmahub.pipeline.CompletedInference;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.InferenceResult;
import org.medgemmahub.pipeline.PipelineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Answers one queued request: prompt from its template, one model call, tolerant parsing of the answer. */
@Component("modelInference")
public class ModelInference {
    private static final Logger log = LoggerFactory.getLogger(ModelInference.class);

    private final ModelBackend backend;
    private final PromptTemplates templates;
    private final Clock clock;

    @Autowired
    public ModelInference(ModelBackend backend, PromptTemplates templates) {
        this(backend, templates, Clock.systemUTC());
    }

    ModelInference(ModelBackend backend, PromptTemplates templates, Clock clock) {
        this.backend = backend;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * @param requestJson an {@link InferenceRequest} as JSON
     * @param attempt     this call's number (1 for the first), null meaning 1
     * @return the {@link CompletedInference} as JSON, for the results queue
     */
    public String infer(String requestJson, Integer attempt) {
        InferenceRequest request = PipelineJson.read(requestJson, InferenceRequest.class);
        int attempts = attempt == null ? 1 : attempt;
        PromptTemplate template = templates.get(request.task());
        ModelPrompt prompt = templates.render(template, request);
        long started = System.nanoTime();
        ModelReply reply = backend.generate(prompt);
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        ModelOutputParser.Parsed parsed = ModelOutputParser.parse(reply.text(), template.expectedFields());
        InferenceResult result = new InferenceResult(request.id(), backend.name(), reply.modelId(), template.id(),
                template.version(), reply.text(), parsed.json(), parsed.error(), reply.truncated(), latencyMillis,
                attempts, Instant.now(clock));
        if (parsed.error() == null) {
            log.info("request {} inferred by {} model {} in {} ms (attempt {})",
                    request.id(), backend.name(), reply.modelId(), latencyMillis, attempts);
        } else {
            log.warn("request {} inferred in {} ms (attempt {}) but output unparsed: MODEL-UNPARSED {}{}",
                    request.id(), latencyMillis, attempts, parsed.error(), reply.truncated() ? " (truncated)" : "");
        }
        return PipelineJson.write(new CompletedInference(request, result));
    }
}
