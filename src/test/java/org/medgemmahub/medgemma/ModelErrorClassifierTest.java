package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelErrorClassifierTest {

    @Test
    void treatsColdStart503AsRetryableWarmingUp() {
        var e = ModelErrorClassifier.classify(503, "Service Unavailable", Optional.empty(), "/generate");

        assertThat(e).isInstanceOfSatisfying(ModelUnavailableException.class, u -> {
            assertThat(u.warmingUp()).isTrue();
            assertThat(u.code()).isEqualTo("MODEL-503");
        });
        assertThat(e.getMessage()).isEqualTo("MODEL-503: HTTP 503 from /generate: Service Unavailable");
    }

    @Test
    void readsRetryAfterOn429() {
        var e = ModelErrorClassifier.classify(429, "{\"error\":\"Model is overloaded\",\"error_type\":\"overloaded\"}", Optional.of("7"), "/generate");

        assertThat(e).isInstanceOfSatisfying(ModelUnavailableException.class, u -> assertThat(u.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(e.getMessage()).endsWith(": Model is overloaded [overloaded]");
    }

    @Test
    void failsFastOnValidationErrorsWithTheServersMessage() {
        var e = ModelErrorClassifier.classify(422,
                "{\"error\":\"Input validation error: `temperature` must be strictly positive\",\"error_type\":\"validation\"}",
                Optional.empty(), "/generate");

        assertThat(e).isInstanceOf(ModelRequestRejectedException.class);
        assertThat(e.getMessage()).contains("must be strictly positive [validation]");
    }

    @Test
    void readsNestedAndFlatOpenAiErrorShapes() {
        assertThat(ModelErrorClassifier.describe("{\"error\":{\"message\":\"The model `x` does not exist.\",\"type\":\"NotFoundError\",\"code\":404}}"))
                .isEqualTo(": The model `x` does not exist. [NotFoundError]");
        assertThat(ModelErrorClassifier.describe("{\"object\":\"error\",\"message\":\"bad\",\"type\":\"BadRequestError\"}"))
                .isEqualTo(": bad");
        assertThat(ModelErrorClassifier.describe("")).isEmpty();
    }

    @Test
    void pointsAt404AsAConfigurationError() {
        var e = ModelErrorClassifier.classify(404, "", Optional.empty(), "/v1/chat/completions");

        assertThat(e).isInstanceOf(ModelRequestRejectedException.class);
        assertThat(e.getMessage()).contains("check MEDGEMMA_API");
    }

    @Test
    void recognisesAPausedEndpoint() {
        var e = ModelErrorClassifier.classify(400, "Bad Request: Invalid state", Optional.empty(), "/generate");

        assertThat(e).isInstanceOfSatisfying(ModelRequestRejectedException.class, r -> assertThat(r.code()).isEqualTo("MODEL-PAUSED"));
    }

    @Test
    void cutsLongServerMessagesShort() {
        assertThat(ModelErrorClassifier.describe("x".repeat(1000))).hasSize(2 + 200 + 3);
    }
}
