package org.medgemmahub.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Embedded broker tuning (hub.broker.*).
 *
 * @param duplicateIdCacheSize recent message ids remembered per address for duplicate detection
 * @param redeliveryDelay      first delay before a rolled-back message (e.g. FHIR server down) is delivered again
 * @param redeliveryMaxDelay   cap of that delay as it doubles
 * @param journalBufferTimeout how long the journal gathers writes before one fsync covers them all: shorter answers a
 *                             lone sender sooner, longer lets concurrent senders share a sync
 */
@ConfigurationProperties("hub.broker")
public record BrokerProperties(int duplicateIdCacheSize, Duration redeliveryDelay, Duration redeliveryMaxDelay,
        Duration journalBufferTimeout) {
    public BrokerProperties {
        if (duplicateIdCacheSize < 1000) throw new IllegalArgumentException("hub.broker.duplicate-id-cache-size must be at least 1000");
        if (redeliveryDelay == null || redeliveryDelay.isNegative()) throw new IllegalArgumentException("hub.broker.redelivery-delay must not be negative");
        if (redeliveryMaxDelay == null || redeliveryMaxDelay.compareTo(redeliveryDelay) < 0) {
            throw new IllegalArgumentException("hub.broker.redelivery-max-delay must be at least hub.broker.redelivery-delay");
        }
        if (journalBufferTimeout == null || journalBufferTimeout.isNegative()) {
            throw new IllegalArgumentException("hub.broker.journal-buffer-timeout must not be negative");
        }
    }
}
