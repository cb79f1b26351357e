package org.medgemmahub.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * REST API settings (hub.api.*); defaults live in application.yaml.
 *
 * @param key the API key (HUB_API_KEY), sent as {@code X-API-Key} or {@code Authorization: Bearer}; while it is
 *            not set the API refuses every call. Never logged.
 */
@ConfigurationProperties("hub.api")
public record ApiProperties(String key) {
    public ApiProperties {
        key = key == null || key.isBlank() ? null : key.strip();
    }

    @Override
    public String toString() {
        return "ApiProperties[key=" + (key == null ? "none" : "***") + "]";
    }
}
