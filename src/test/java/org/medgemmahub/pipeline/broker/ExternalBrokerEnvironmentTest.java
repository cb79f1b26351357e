package org.medgemmahub.pipeline.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ExternalBrokerEnvironmentTest {
    private final ExternalBrokerEnvironment processor = new ExternalBrokerEnvironment();

    @Test
    void switchesTheEmbeddedBrokerOffInNativeMode() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.artemis.mode", "native")
                .withProperty("spring.artemis.embedded.enabled", "true");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.artemis.embedded.enabled")).isEqualTo("false");
    }

    @Test
    void leavesTheEmbeddedBrokerOnInEmbeddedMode() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.artemis.mode", "embedded")
                .withProperty("spring.artemis.embedded.enabled", "true");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.artemis.embedded.enabled")).isEqualTo("true");
        assertThat(environment.getPropertySources().contains(ExternalBrokerEnvironment.SOURCE_NAME)).isFalse();
    }
}
