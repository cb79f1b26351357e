package org.medgemmahub.pipeline;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Lists, replays and discards dead letters. A replay moves the message back to the queue it failed on, with its
 * attempt counters reset, in one broker transaction; a discard moves it to {@code <dead-letter queue>.discarded}
 * with the operator's reason, so nothing is ever deleted unseen. Replaying an already written result does not
 * duplicate it: the FHIR write is a conditional create.
 */
@Component
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String DISCARDED_SUFFIX = ".discarded";
    static final String DISCARD_REASON = "HubDiscardReason";
    static final String DISCARDED_AT = "HubDiscardedAt";

    private final JmsTemplate jms;
    private final Map<String, String> originByDeadLetterQueue;

    public DeadLetters(JmsTemplate jms, QueueProperties queues) {
        this.jms = transacted(jms);
        this.originByDeadLetterQueue = queues.deadLetterOrigins();
    }

    /** The dead-letter queues an operator can act on, each with the queue its messages are replayed to. */
    public Map<String, String> queues() {
        return originByDeadLetterQueue;
    }

    public List<DeadLetter> list(String deadLetterQueue) {
        requireKnown(deadLetterQueue);
        List<DeadLetter> letters = new ArrayList<>();
        jms.browse(deadLetterQueue, (session, browser) -> {
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                letters.add(describe(deadLetterQueue, (Message) e.nextElement()));
            }
            return null;
        });
        return Collections.unmodifiableList(letters);
    }

    /** Moves one dead letter back to its queue; empty when no message has that id. */
    public Optional<DeadLetter> replay(String deadLetterQueue, String messageId) {
        requireKnown(deadLetterQueue);
        return move(deadLetterQueue, messageId, originByDeadLetterQueue.get(deadLetterQueue), null);
    }

    /** Moves every dead letter of the queue back to its origin; returns how many. */
    public int replayAll(String deadLetterQueue) {
        int moved = 0;
        for (DeadLetter letter : list(deadLetterQueue)) {
            if (replay(deadLetterQueue, letter.messageId()).isPresent()) moved++;
        }
        return moved;
    }

    /** Moves one dead letter to the discarded queue with the operator's reason; empty when no message has that id. */
    public Optional<DeadLetter> discard(String deadLetterQueue, String messageId, String reason) {
        requireKnown(deadLetterQueue);
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a discard needs a reason");
        return move(deadLetterQueue, messageId, deadLetterQueue + DISCARDED_SUFFIX, reason.strip());
    }

    private Optional<DeadLetter> move(String from, String messageId, String to, String discardReason) {
        if (messageId == null || !messageId.matches("ID:[0-9A-Za-z:._-]+")) {
            throw new IllegalArgumentException("not a broker message id: " + messageId);
        }
        return Optional.ofNullable(jms.execute(session -> {
            try (var consumer = session.createConsumer(session.createQueue(from), "JMSMessageID = '" + messageId + "'");
                 var producer = session.createProducer(session.createQueue(to))) {
                Message message = consumer.receive(2_000);
                if (message == null) return null;
                DeadLetter letter = describe(from, message);
                Message copy = copyForResend(session, message, discardReason);
                producer.send(copy);
                session.commit();
                if (discardReason == null) {
                    log.info("dead letter {} (request {}) replayed from {} to {}", messageId, letter.requestId(), from, to);
                } else {
                    log.warn("dead letter {} (request {}) discarded from {}: {}", messageId, letter.requestId(), from, discardReason);
                }
                return letter;
            }
        }, true));
    }

    private static Message copyForResend(Session session, Message original, String discardReason) throws JMSException {
        Message copy = original instanceof jakarta.jms.TextMessage text
                ? session.createTextMessage(text.getText())
                : session.createBytesMessage();
        for (Enumeration<?> names = original.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (name.startsWith("_AMQ") || name.startsWith("JMSX")) continue;
            if (discardReason == null && (HubHeaders.ATTEMPT.equals(name) || HubHeaders.FIRST_ATTEMPT_AT.equals(name)
                    || HubHeaders.FAILED_AT.equals(name) || HubHeaders.FAILURE_REASON.equals(name))) continue;
            copy.setObjectProperty(name, original.getObjectProperty(name));
        }
        if (discardReason != null) {
            copy.setStringProperty(DISCARD_REASON, discardReason);
            copy.setLongProperty(DISCARDED_AT, System.currentTimeMillis());
        }
        return copy;
    }

    private static DeadLetter describe(String queue, Message message) throws JMSException {
        return new DeadLetter(queue, message.getJMSMessageID(), message.getStringProperty(HubHeaders.REQUEST_ID),
                message.getStringProperty(HubHeaders.SOURCE_KIND), message.getStringProperty(HubHeaders.FAILURE_REASON),
                integer(message, HubHeaders.ATTEMPT), instant(message, HubHeaders.FIRST_ATTEMPT_AT),
                instant(message, HubHeaders.FAILED_AT));
    }

    private static Integer integer(Message message, String name) throws JMSException {
        Object value = message.getObjectProperty(name);
        if (value instanceof Number number) return number.intValue();
        return value == null ? null : Integer.valueOf(value.toString());
    }

    private static Instant instant(Message message, String name) throws JMSException {
        Object value = message.getObjectProperty(name);
        if (value == null) return null;
        return Instant.ofEpochMilli(value instanceof Number number ? number.longValue() : Long.parseLong(value.toString()));
    }

    private void requireKnown(String deadLetterQueue) {
        if (!originByDeadLetterQueue.containsKey(deadLetterQueue)) {
            throw new IllegalArgumentException("not a dead-letter queue of the hub: " + deadLetterQueue
                    + " (known: " + originByDeadLetterQueue.keySet() + ")");
        }
    }

    private static JmsTemplate transacted(JmsTemplate template) {
        JmsTemplate copy = new JmsTemplate(template.getConnectionFactory());
        copy.setSessionTransacted(true);
        copy.setReceiveTimeout(2_000);
        return copy;
    }
}
