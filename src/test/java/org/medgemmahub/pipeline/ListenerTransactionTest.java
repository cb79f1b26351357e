package org.medgemmahub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The queue consumers (medgemma-infer, fhir-write) run in the listener's own local JMS transaction
 * ({@code transacted: true, lazyCreateTransactionManager: false}) on Spring's caching connection factory, as the hub
 * does. A message the route sends before it fails must be rolled back with the consumed one, or a crash or fault
 * after the send would leave a result behind for a request that is delivered again.
 */
class ListenerTransactionTest {
    @TempDir
    Path brokerDir;

    private EmbeddedActiveMQ broker;
    private CachingConnectionFactory connectionFactory;
    private CamelContext camel;

    @BeforeEach
    void startBrokerAndCamel() throws Exception {
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://7")
                .setJournalDirectory(brokerDir.resolve("journal").toString()));
        broker.start();
        ConnectionFactory artemis = new ActiveMQConnectionFactory("vm://7");
        connectionFactory = new CachingConnectionFactory(artemis);
        connectionFactory.setSessionCacheSize(16);
        camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsComponent.jmsComponent(connectionFactory));
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        connectionFactory.destroy();
        broker.stop();
    }

    @Test
    void aSendInAFailedListenerTransactionIsRolledBackWithTheConsumedMessage() throws Exception {
        AtomicInteger deliveries = new AtomicInteger();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:in?transacted=true&lazyCreateTransactionManager=false")
                        .process(exchange -> deliveries.incrementAndGet())
                        .to("jms:queue:out")
                        .process(exchange -> {
                            if (deliveries.get() == 1) throw new IllegalStateException("fault after the send");
                        });
            }
        });
        camel.start();

        camel.createProducerTemplate().sendBody("jms:queue:in", "request");

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.get() >= 2);
        ConsumerTemplate consumer = camel.createConsumerTemplate();
        assertThat(consumer.receiveBody("jms:queue:out", 2000, String.class)).isEqualTo("request");
        assertThat(consumer.receiveBody("jms:queue:out", 500, String.class))
                .as("the send of the failed first delivery was rolled back").isNull();
    }
}
