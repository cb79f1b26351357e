package org.medgemmahub.pipeline.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.stereotype.Component;

/**
 * Reads an Artemis broker's figures and settings through its management address ({@code activemq.management}),
 * over the hub's own JMS connection, so the same calls work on the embedded and on an external broker. On an
 * external broker the hub's user needs the {@code manage} permission on that address.
 */
@Component
public class BrokerManagement {
    /** Artemis' default management address (broker.xml {@code <management-address>}). */
    public static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

    private final ConnectionFactory connections;

    public BrokerManagement(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** An attribute of a management resource, e.g. {@code ("queue.hub.inference.requests", "messageCount")}. */
    public Object attribute(String resource, String attribute) {
        return request(message -> JMSManagementHelper.putAttribute(message, resource, attribute));
    }

    /** Invokes an operation of a management resource, e.g. {@code ("broker", "getAddressSettingsAsJSON", address)}. */
    public Object invoke(String resource, String operation, Object... parameters) {
        return request(message -> JMSManagementHelper.putOperationInvocation(message, resource, operation, parameters));
    }

    private Object request(ManagementCall call) {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue replies = session.createTemporaryQueue();
            try (var producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                 var consumer = session.createConsumer(replies)) {
                Message message = session.createMessage();
                call.fill(message);
                message.setJMSReplyTo(replies);
                producer.send(message);
                Message answer = consumer.receive(ANSWER_TIMEOUT.toMillis());
                if (answer == null) {
                    throw new BrokerManagementException("no answer from " + MANAGEMENT_ADDRESS + " within " + ANSWER_TIMEOUT.toSeconds()
                            + " s (management disabled, or the hub's user lacks the manage permission)", false);
                }
                if (!JMSManagementHelper.hasOperationSucceeded(answer)) {
                    throw new BrokerManagementException("refused by " + MANAGEMENT_ADDRESS + ": " + JMSManagementHelper.getResult(answer), true);
                }
                return JMSManagementHelper.getResult(answer);
            } finally {
                replies.delete();
            }
        } catch (BrokerManagementException e) {
            throw e;
        } catch (Exception e) {
            throw new BrokerManagementException("management request failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface ManagementCall {
        void fill(Message message) throws JMSException;
    }
}
