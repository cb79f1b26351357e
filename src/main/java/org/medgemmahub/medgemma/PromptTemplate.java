package org.medgemmahub.medgemma;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A versioned prompt file ({@code prompts/<id>.yaml}). {@code {{text}}}, {@code {{procedure}}} and
 * {@code {{modality}}} in {@code user} are replaced per request.
 */
public record PromptTemplate(
        String id,
        String version,
        String system,
        String user,
        @JsonProperty("max-tokens") Integer maxTokens,
        Double temperature,
        @JsonProperty("expected-fields") List<String> expectedFields) {

    public PromptTemplate {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("prompt template needs an id");
        if (version == null || version.isBlank()) throw new IllegalArgumentException("prompt template " + id + " needs a version");
        if (user == null || user.isBlank()) throw new IllegalArgumentException("prompt template " + id + " needs a user text");
        expectedFields = expectedFields == null ? List.of() : List.copyOf(expectedFields);
    }
}
