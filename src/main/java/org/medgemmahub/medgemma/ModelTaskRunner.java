package org.medgemmahub.medgemma;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One task against the model: the call through {@link ModelCallGuard}, then output handling. A json template's
 * answer is parsed tolerantly; when that fails, one repair request shows the model its answer and asks for the
 * JSON object only. If that fails too (or the repair call itself fails), the raw text is kept and marked unparsed.
 */
@Component("modelTaskRunner")
public class ModelTaskRunner {
    static final String REPAIR_TASK = "json-repair";
    private static final Logger log = LoggerFactory.getLogger(ModelTaskRunner.class);

    private final ModelCallGuard guard;
    private final PromptTemplates templates;

    public ModelTaskRunner(ModelCallGuard guard, PromptTemplates templates) {
        this.guard = guard;
        this.templates = templates;
    }

    public String backendName() {
        return guard.backendName();
    }

    /** @param requestId for log lines only */
    public ModelAnswer run(String requestId, PromptTemplate template, ModelPrompt prompt) {
        long started = System.nanoTime();
        ModelReply reply = guard.call(prompt);
        if (!template.expectsJson()) {
            return new ModelAnswer(reply, ModelOutputParser.clean(reply.text()), null, null, false, millisSince(started));
        }
        ModelOutputParser.Parsed parsed = ModelOutputParser.parse(reply.text(), template.expectedFields());
        if (parsed.error() == null) {
            return new ModelAnswer(reply, ModelOutputParser.clean(reply.text()), parsed.json(), null, false, millisSince(started));
        }
        log.warn("request {} answer unparsed ({}); one repair request (MODEL-REPAIR)", requestId, parsed.error());
        try {
            ModelReply second = guard.call(repairPrompt(template, reply.text(), parsed.error(), prompt.maxTokens()));
            ModelOutputParser.Parsed repaired = ModelOutputParser.parse(second.text(), template.expectedFields());
            if (repaired.error() == null) {
                return new ModelAnswer(reply, ModelOutputParser.clean(second.text()), repaired.json(), null, true, millisSince(started));
            }
        } catch (ModelUnavailableException | ModelRequestRejectedException e) {
            // the first answer is kept as it is: a failed repair must not cost the request its answer
            log.warn("request {} repair request failed: {}", requestId, e.getClass().getSimpleName());
        }
        return new ModelAnswer(reply, ModelOutputParser.clean(reply.text()), null,
                parsed.error() + " (still unparsed after one repair request)", true, millisSince(started));
    }

    private ModelPrompt repairPrompt(PromptTemplate original, String answer, String problem, int maxTokens) {
        PromptTemplate repair = templates.get(REPAIR_TASK);
        return templates.render(repair, Map.of(
                "fields", String.join(", ", original.expectedFields()),
                "problem", problem,
                "answer", answer), null, maxTokens, 0.0);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
