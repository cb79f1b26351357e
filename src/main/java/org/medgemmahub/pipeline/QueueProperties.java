package org.medgemmahub.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Queue names (hub.queues.*); routes read the same keys as {@code {{hub.queues.requests}}}.
 *
 * @param requests         inference requests, written by every inbound channel
 * @param results          model results waiting for the FHIR writer
 * @param hl7Rejected      HL7 messages answered AE/AR, kept with their reason
 * @param dicomInstances   DICOM instances stored in the spool (ids and spool path), for series grouping
 * @param deadLetterSuffix appended to a queue name for its dead letters
 */
@ConfigurationProperties("hub.queues")
public record QueueProperties(String requests, String results, String hl7Rejected, String dicomInstances, String deadLetterSuffix) {
    public QueueProperties {
        requireName(requests, "hub.queues.requests");
        requireName(results, "hub.queues.results");
        requireName(hl7Rejected, "hub.queues.hl7-rejected");
        requireName(dicomInstances, "hub.queues.dicom-instances");
        requireName(deadLetterSuffix, "hub.queues.dead-letter-suffix");
    }

    public String deadLetters(String queue) {
        return queue + deadLetterSuffix;
    }

    /** Each dead-letter queue an operator may replay from, with the queue its messages go back to. */
    public Map<String, String> deadLetterOrigins() {
        Map<String, String> origins = new LinkedHashMap<>();
        origins.put(deadLetters(requests), requests);
        origins.put(deadLetters(results), results);
        origins.put(deadLetters(dicomInstances), dicomInstances);
        return Collections.unmodifiableMap(origins);
    }

    private static void requireName(String value, String key) {
        if (value == null || value.isBlank() || value.contains(" ")) {
            throw new IllegalArgumentException(key + " must be a queue name without spaces");
        }
    }
}
