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

    private final ModelTaskRunner runner;
    private final PromptTemplates templates;
    private final Clock clock;

    @Autowired
    public ModelInference(ModelTaskRunner runner, PromptTemplates templates) {
        this(runner, templates, Clock.systemUTC());
    }

    ModelInference(ModelTaskRunner runner, PromptTemplates templates, Clock clock) {
        this.runner = runner;
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
        ModelAnswer answer = runner.run(request.id(), template, prompt);
        ModelReply reply = answer.reply();
        InferenceResult result = new InferenceResult(request.id(), runner.backendName(), reply.modelId(), template.id(),
                template.version(), reply.text(), answer.parsed(), answer.parseError(), reply.truncated(),
                answer.latencyMillis(), attempts, Instant.now(clock));
        if (answer.parseError() == null) {
            log.info("request {} inferred by {} model {} with {} {} in {} ms (attempt {})", request.id(), runner.backendName(),
                    reply.modelId(), template.id(), template.version(), answer.latencyMillis(), attempts);
        } else {
            log.warn("request {} inferred in {} ms (attempt {}) but output unparsed: MODEL-UNPARSED {}{}",
                    request.id(), answer.latencyMillis(), attempts, answer.parseError(), reply.truncated() ? " (truncated)" : "");
        }
        return PipelineJson.write(new CompletedInference(request, result));
    }
}
