package org.medgemmahub.medgemma;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the wire format by {@code medgemma.api}; a test or an extension can supply its own {@link ModelBackend}. */
@Configuration(proxyBeanMethods = false)
class ModelBackendConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ModelBackendConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ModelHttpClient modelHttpClient(MedGemmaProperties properties) {
        return new ModelHttpClient(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    VertexTokenSource vertexTokenSource(MedGemmaProperties properties) {
        return new VertexTokenSource(properties.initialVertexToken(),
                "vertex".equals(properties.api()) ? properties.vertexTokenFile() : null);
    }

    @Bean
    @ConditionalOnMissingBean
    ModelBackend modelBackend(MedGemmaProperties properties, ModelHttpClient http, VertexTokenSource vertexTokens) {
        if ("simulator".equals(properties.api())) {
            log.warn("MedGemma backend is the built-in SIMULATOR at {}: results are simulated, not clinical. "
                    + "Set MEDGEMMA_API and MEDGEMMA_BASE_URL to use a real model server.", properties.baseUrl());
        } else {
            boolean vertex = "vertex".equals(properties.api());
            log.info("MedGemma backend {} at {} (model {}, token {})", properties.api(), properties.baseUrl(),
                    properties.model(), (vertex ? vertexTokens.current() : properties.token()) == null ? "not set" : "set");
        }
        return switch (properties.wireApi()) {
            case "tgi" -> new TgiBackend(http, properties);
            case "vertex" -> new VertexBackend(http, properties, vertexTokens);
            default -> new OpenAiBackend(http, properties.model());
        };
    }

    @Bean
    ModelCallGuard modelCallGuard(ModelBackend modelBackend, MedGemmaProperties properties, MeterRegistry registry) {
        return new ModelCallGuard(new TimedModelBackend(modelBackend, registry), properties);
    }
}
