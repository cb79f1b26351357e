package org.medgemmahub.pipeline;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Durability settings of the embedded Artemis broker: persisted duplicate-id cache (HL7 re-sends are dropped by the
 * broker), dead-letter addresses, and delayed redelivery of rolled-back messages so an outage downstream does not
 * spin a consumer. An external broker (spring.artemis.mode=native) must be given the same address settings.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {
    private static final int UNEXPECTED_FAILURE_ATTEMPTS = 10;

    @Bean
    ArtemisConfigurationCustomizer hubBrokerSettings(QueueProperties queues, BrokerProperties broker) {
        return configuration -> {
            configuration.setIDCacheSize(broker.duplicateIdCacheSize());
            configuration.setPersistIDCache(true);
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            configuration.setJournalBufferTimeout_NIO((int) broker.journalBufferTimeout().toNanos());
            configuration.setJournalBufferTimeout_AIO((int) broker.journalBufferTimeout().toNanos());
            // model failures are rescheduled by the medgemma-errors route; a rollback here means a fault in the hub
            configuration.addAddressSetting(queues.requests(), redelivery(queues.requests(), queues, broker)
                    .setMaxDeliveryAttempts(UNEXPECTED_FAILURE_ATTEMPTS));
            // a FHIR server outage rolls back the write: redeliver until it is back, however long that takes
            configuration.addAddressSetting(queues.results(), redelivery(queues.results(), queues, broker)
                    .setMaxDeliveryAttempts(-1));
        };
    }

    private static AddressSettings redelivery(String queue, QueueProperties queues, BrokerProperties broker) {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(queues.deadLetters(queue)))
                .setRedeliveryDelay(broker.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(broker.redeliveryMaxDelay().toMillis());
    }
}
