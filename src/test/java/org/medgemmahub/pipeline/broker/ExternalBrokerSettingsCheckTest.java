package org.medgemmahub.pipeline.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medgemmahub.pipeline.QueueProperties;

/** The settings check against canned management answers (the real broker is exercised by TwoHubsSharedStateIT). */
class ExternalBrokerSettingsCheckTest {
    private static final QueueProperties QUEUES = new QueueProperties("hub.inference.requests", "hub.inference.results",
            "hub.hl7.rejected", "hub.dicom.instances", ".dlq");

    /** A broker answering from maps: queue name to depth, address to settings JSON, broker attribute to value. */
    private static final class CannedBroker extends BrokerManagement {
        final Map<String, Long> queues = new HashMap<>();
        final Map<String, String> settings = new HashMap<>();
        final Map<String, Object> broker = new HashMap<>(Map.of("persistIDCache", true, "IDCacheSize", 100000));
        boolean answering = true;

        CannedBroker() {
            super(null);
            for (String q : new String[] {"hub.inference.requests", "hub.inference.results", "hub.hl7.rejected", "hub.dicom.instances",
                    "hub.inference.requests.dlq", "hub.inference.results.dlq", "hub.dicom.instances.dlq"}) {
                queues.put(q, 0L);
            }
            settings.put("hub.inference.requests", "{\"deadLetterAddress\":\"hub.inference.requests.dlq\",\"redeliveryDelay\":2000,\"maxDeliveryAttempts\":10}");
            settings.put("hub.inference.results", "{\"deadLetterAddress\":\"hub.inference.results.dlq\",\"redeliveryDelay\":2000,\"maxDeliveryAttempts\":-1}");
            settings.put("hub.dicom.instances", "{\"deadLetterAddress\":\"hub.dicom.instances.dlq\",\"redeliveryDelay\":2000,\"maxDeliveryAttempts\":10}");
        }

        @Override
        public Object attribute(String resource, String attribute) {
            if (!answering) throw new BrokerManagementException("no answer", false);
            if (resource.startsWith("queue.")) {
                Long depth = queues.get(resource.substring("queue.".length()));
                if (depth == null) throw new BrokerManagementException("refused: no such queue", true);
                return depth;
            }
            return broker.get(attribute);
        }

        @Override
        public Object invoke(String resource, String operation, Object... parameters) {
            return settings.getOrDefault((String) parameters[0], "{\"deadLetterAddress\":\"\",\"redeliveryDelay\":0,\"maxDeliveryAttempts\":10}");
        }
    }

    private static ExternalBrokerSettingsCheck check(CannedBroker broker) {
        return new ExternalBrokerSettingsCheck(null, broker, QUEUES);
    }

    @Test
    void findsNothingMissingOnABrokerSetUpLikeTheExample() {
        assertThat(check(new CannedBroker()).problems()).isEmpty();
    }

    @Test
    void namesAMissingDeadLetterQueueAndAddress() {
        CannedBroker broker = new CannedBroker();
        broker.queues.remove("hub.inference.results.dlq");
        broker.settings.remove("hub.inference.requests");
        assertThat(check(broker).problems()).anySatisfy(p -> assertThat(p).contains("no anycast queue hub.inference.results.dlq"))
                .anySatisfy(p -> assertThat(p).contains("address hub.inference.requests has dead-letter address ''"))
                .anySatisfy(p -> assertThat(p).contains("address hub.inference.requests redelivers at once"));
    }

    @Test
    void namesResultsThatWouldBeDeadLetteredDuringAFhirOutage() {
        CannedBroker broker = new CannedBroker();
        broker.settings.put("hub.inference.results", "{\"deadLetterAddress\":\"hub.inference.results.dlq\",\"redeliveryDelay\":2000,\"maxDeliveryAttempts\":10}");
        assertThat(check(broker).problems()).singleElement().asString().contains("dead-letters a result after 10 failed FHIR writes");
    }

    @Test
    void namesAnUnpersistedOrSmallDuplicateCache() {
        CannedBroker broker = new CannedBroker();
        broker.broker.put("persistIDCache", false);
        broker.broker.put("IDCacheSize", 8);
        assertThat(check(broker).problems()).hasSize(2);
    }

    @Test
    void givesUpWhenTheManagementAddressDoesNotAnswer() {
        CannedBroker broker = new CannedBroker();
        broker.answering = false;
        assertThatThrownBy(() -> check(broker).problems()).isInstanceOf(BrokerManagementException.class);
    }
}
