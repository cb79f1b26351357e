package org.medgemmahub.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * REST API settings (hub.api.*); defaults live in application.yaml.
 *
 * @param key      the API key (HUB_API_KEY), sent as {@code X-API-Key} or {@code Authorization: Bearer}; while it is
 *                 not set the API refuses every call. Never logged.
 * @param adminKey the admin key (HUB_API_ADMIN_KEY) for {@code /api/admin/**} (dead letters: list, replay, discard);
 *                 the API key is not enough there. While it is not set the admin endpoints refuse every call.
 */
@ConfigurationProperties("hub.api")
public record ApiProperties(String key, String adminKey) {
    @ConstructorBinding
    public ApiProperties {
        key = key == null || key.isBlank() ? null : key.strip();
        adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey.strip();
        if (key != null && key.equals(adminKey)) {
            throw new IllegalArgumentException("hub.api.admin-key must differ from hub.api.key");
        }
    }

    /** Only the API key: the admin endpoints stay closed. */
    public ApiProperties(String key) {
        this(key, null);
    }

    @Override
    public String toString() {
        return "ApiProperties[key=" + (key == null ? "none" : "***") + ", adminKey=" + (adminKey == null ? "none" : "***") + "]";
    }
}
