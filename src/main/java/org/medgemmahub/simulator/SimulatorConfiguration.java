package org.medgemmahub.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the built-in simulator with the application when hub.simulator.enabled is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.simulator", name = "enabled", havingValue = "true")
class SimulatorConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    /** Started while the context is built, so it already listens when routes and clients start. */
    @Bean(destroyMethod = "stop")
    MedGemmaSimulator medGemmaSimulator(SimulatorProperties properties) {
        var simulator = new MedGemmaSimulator(properties.toSettings());
        simulator.start();
        log.warn("The active MedGemma model is the built-in SIMULATOR at {} (model id {}): its outputs are "
                + "simulated, not clinical. Set MEDGEMMA_API and MEDGEMMA_BASE_URL to use a real MedGemma server.",
                simulator.baseUrl(), properties.modelId());
        return simulator;
    }
}
