package org.medgemmahub.medgemma;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A versioned prompt file ({@code prompts/<id>.yaml}). Placeholders such as {@code {{text}}},
 * {@code {{procedure}}}, {@code {{modality}}}, {@code {{symptom}}} in {@code user} are replaced per request.
 *
 * @param output {@code json} (the answer must be one JSON object with the expected fields) or {@code text}
 */
public record PromptTemplate(
        String id,
        String version,
        String system,
        String user,
        @JsonProperty("max-tokens") Integer maxTokens,
        Double temperature,
        @JsonProperty("expected-fields") List<String> expectedFields,
        String output) {

    public PromptTemplate {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("prompt template needs an id");
        if (version == null || version.isBlank()) throw new IllegalArgumentException("prompt template " + id + " needs a version");
        if (user == null || user.isBlank()) throw new IllegalArgumentException("prompt template " + id + " needs a user text");
        expectedFields = expectedFields == null ? List.of() : List.copyOf(expectedFields);
        output = output == null || output.isBlank() ? "json" : output.strip();
        if (!output.equals("json") && !output.equals("text")) {
            throw new IllegalArgumentException("prompt template " + id + ": output must be json or text");
        }
    }

    public boolean expectsJson() {
        return output.equals("json");
    }
}
