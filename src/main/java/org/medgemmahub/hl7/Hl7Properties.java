package org.medgemmahub.hl7;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * HL7 v2 over MLLP settings (hub.hl7.*); defaults live in application.yaml.
 *
 * @param port                 MLLP listener port (0 lets the OS choose, for tests)
 * @param bindAddress          address the listener binds to
 * @param maxMessageBytes      larger messages are answered AR ({@code HL7-TOO-LARGE}) without being parsed
 * @param receivingApplication our MSH-3 in ACKs (the sender's MSH-5)
 * @param receivingFacility    our MSH-4 in ACKs (the sender's MSH-6)
 * @param defaultTask          prompt template given to every request made from an HL7 message
 * @param allowedSendingFacilities MSH-4 (first component) values let in; empty lets every sender in, others get AR
 */
@ConfigurationProperties("hub.hl7")
public record Hl7Properties(
        int port,
        String bindAddress,
        int maxMessageBytes,
        String receivingApplication,
        String receivingFacility,
        String defaultTask,
        Set<String> allowedSendingFacilities) {

    @ConstructorBinding
    public Hl7Properties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("hub.hl7.port must be 0 to 65535, was " + port);
        }
        requireText(bindAddress, "hub.hl7.bind-address");
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("hub.hl7.max-message-bytes must be positive, was " + maxMessageBytes);
        }
        requireText(receivingApplication, "hub.hl7.receiving-application");
        requireText(receivingFacility, "hub.hl7.receiving-facility");
        requireText(defaultTask, "hub.hl7.default-task");
        allowedSendingFacilities = allowedSendingFacilities == null ? Set.of() : Set.copyOf(allowedSendingFacilities);
        if (allowedSendingFacilities.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("hub.hl7.allowed-sending-facilities must not hold blank names");
        }
    }

    /** Every sending facility let in. */
    public Hl7Properties(int port, String bindAddress, int maxMessageBytes, String receivingApplication,
                         String receivingFacility, String defaultTask) {
        this(port, bindAddress, maxMessageBytes, receivingApplication, receivingFacility, defaultTask, Set.of());
    }

    /** Whether a message whose MSH-4 first component is {@code facility} is let in. */
    public boolean allowsSendingFacility(String facility) {
        return allowedSendingFacilities.isEmpty() || allowedSendingFacilities.contains(facility);
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(key + " must not be blank");
    }
}
