package org.medgemmahub.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * When the hub stops taking new input (hub.intake.*); defaults live in application.yaml.
 *
 * @param minFreeDisk   new input is refused while the data directory's file system has less free space than this
 * @param maxQueueDepth new input is refused while the requests queue holds more messages than this
 */
@ConfigurationProperties("hub.intake")
public record IntakeProperties(DataSize minFreeDisk, long maxQueueDepth) {
    public IntakeProperties {
        if (minFreeDisk == null || minFreeDisk.isNegative()) {
            throw new IllegalArgumentException("hub.intake.min-free-disk must be a size such as 1GB");
        }
        if (maxQueueDepth < 1) throw new IllegalArgumentException("hub.intake.max-queue-depth must be at least 1");
    }
}
