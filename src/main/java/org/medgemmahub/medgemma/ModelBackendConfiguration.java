package org.medgemmahub.medgemma;

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
    ModelBackend modelBackend(MedGemmaProperties properties) {
        ModelHttpClient http = new ModelHttpClient(properties);
        if ("simulator".equals(properties.api())) {
            log.warn("MedGemma backend is the built-in SIMULATOR at {}: results are simulated, not clinical. "
                    + "Set MEDGEMMA_API and MEDGEMMA_BASE_URL to use a real model server.", properties.baseUrl());
        } else {
            log.info("MedGemma backend {} at {} (model {}, token {})", properties.api(), properties.baseUrl(),
                    properties.model(), properties.token() == null ? "not set" : "set");
        }
        return "tgi".equals(properties.wireApi())
                ? new TgiBackend(http, properties.model())
                : new OpenAiBackend(http, properties.model());
    }
}
