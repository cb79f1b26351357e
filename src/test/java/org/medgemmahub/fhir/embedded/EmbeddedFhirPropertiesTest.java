package org.medgemmahub.fhir.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedFhirPropertiesTest {

    @Test
    void requiresAStoreDirWhenEnabledAndNamesTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmbeddedFhirProperties(true, null))
                .withMessageContaining("hub.fhir.embedded.store-dir");
    }

    @Test
    void needsNoStoreDirWhenDisabled() {
        assertThat(new EmbeddedFhirProperties(false, null).storeDir()).isNull();
    }

    @Test
    void keepsTheStoreDirWhenEnabled() {
        assertThat(new EmbeddedFhirProperties(true, Path.of("data/fhir-store")).storeDir()).isEqualTo(Path.of("data/fhir-store"));
    }
}
