package org.medgemmahub.pipeline.broker;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code spring.artemis.mode=native} means an external broker: the embedded one is then switched off as well
 * (Spring Boot would otherwise still start it beside the connection to the external broker, since
 * {@code spring.artemis.embedded.enabled} does not follow the mode), so no hub keeps a private journal of its own.
 */
public class ExternalBrokerEnvironment implements EnvironmentPostProcessor {
    static final String SOURCE_NAME = "hubExternalBroker";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("native".equalsIgnoreCase(environment.getProperty("spring.artemis.mode", "").strip())) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME,
                    Map.of("spring.artemis.embedded.enabled", "false")));
        }
    }
}
