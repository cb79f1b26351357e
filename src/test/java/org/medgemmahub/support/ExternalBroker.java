package org.medgemmahub.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A stand-alone Artemis broker for hubs in other JVMs to share, on a free TCP port of 127.0.0.1, set up as the
 * README's broker.xml snippet says (queues, dead-letter addresses, redelivery, persisted duplicate-id cache).
 * Optionally every result is also copied to {@link #RESULT_COPIES}, so a test can replay a real result.
 */
public final class ExternalBroker implements AutoCloseable {
    public static final String REQUESTS = "hub.inference.requests";
    public static final String RESULTS = "hub.inference.results";
    public static final String RESULT_COPIES = "test.inference.results.copies";
    private static final String DLQ = ".dlq";

    public final int port = FreePorts.next();
    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    /** Starts the broker; {@code idCacheSize} is how many recent duplicate ids it remembers per address. */
    public ExternalBroker(int idCacheSize) throws Exception {
        Path dir = Files.createTempDirectory("medgemma-hub-broker");
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setSecurityEnabled(false)
                .setIDCacheSize(idCacheSize)
                .setPersistIDCache(true);
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        for (String queue : List.of(REQUESTS, REQUESTS + DLQ, RESULTS, RESULTS + DLQ, "hub.hl7.rejected",
                "hub.dicom.instances", "hub.dicom.instances" + DLQ, RESULT_COPIES)) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST));
        }
        config.addAddressSetting(REQUESTS, redelivery(REQUESTS).setMaxDeliveryAttempts(10));
        config.addAddressSetting(RESULTS, redelivery(RESULTS).setMaxDeliveryAttempts(-1));
        config.addAddressSetting("hub.dicom.instances", redelivery("hub.dicom.instances"));
        config.addDivertConfiguration(new DivertConfiguration().setName("copy-results").setAddress(RESULTS)
                .setForwardingAddress(RESULT_COPIES).setExclusive(false));
        server.setConfiguration(config);
        server.start();
    }

    private static AddressSettings redelivery(String queue) {
        return new AddressSettings().setDeadLetterAddress(SimpleString.of(queue + DLQ))
                .setRedeliveryDelay(500).setRedeliveryMultiplier(2.0).setMaxRedeliveryDelay(2000);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The broker-side queue, for its counters. */
    public Queue queue(String name) {
        return server.getActiveMQServer().locateQueue(SimpleString.of(name));
    }

    /** Nothing waiting, scheduled or being delivered on the queue. */
    public boolean drained(String name) {
        Queue queue = queue(name);
        return queue.getMessageCount() == 0 && queue.getDeliveringCount() == 0 && queue.getScheduledCount() == 0;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
