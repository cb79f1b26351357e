package org.medgemmahub.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.medgemmahub.HubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole hub started in this JVM with given settings, for tests that stop and start it again. */
public final class RunningHub implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private RunningHub(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningHub start(HubTestSettings settings, Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>(settings.properties());
        properties.putAll(overrides);
        // as command-line arguments: SpringApplicationBuilder.properties() would only set defaults under application.yaml
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        RunningHub hub = new RunningHub(new SpringApplicationBuilder(HubApplication.class).run(args));
        Listening.awaitPort(settings.hl7Port);
        return hub;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
