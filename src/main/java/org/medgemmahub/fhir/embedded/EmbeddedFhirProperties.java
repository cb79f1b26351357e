package org.medgemmahub.fhir.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Embedded FHIR server settings (hub.fhir.embedded.*); defaults live in application.yaml.
 *
 * @param enabled  serve the embedded FHIR R4 server at {@code /fhir}
 * @param storeDir folder holding one JSON file per stored resource and version; what is there is served again after a restart
 */
@ConfigurationProperties("hub.fhir.embedded")
public record EmbeddedFhirProperties(boolean enabled, Path storeDir) {
    public EmbeddedFhirProperties {
        if (enabled && storeDir == null)
            throw new IllegalArgumentException("hub.fhir.embedded.store-dir is required when hub.fhir.embedded.enabled is true");
    }
}
