package org.medgemmahub.pipeline.broker;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Messages waiting on a queue (scheduled ones included): read from the embedded broker's queue directly, or from
 * an external broker's management address. When an external broker does not answer (no manage permission), the
 * depth is unknown (-1): the back-pressure gate then applies only its disk reserve and the gauge reads NaN; this
 * is logged once per outage, with what to do.
 */
@Component
public class QueueDepths {
    private static final Logger log = LoggerFactory.getLogger(QueueDepths.class);

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final BrokerManagement management;
    private volatile boolean unreadable;

    public QueueDepths(ObjectProvider<EmbeddedActiveMQ> embedded, BrokerManagement management) {
        this.embedded = embedded;
        this.management = management;
    }

    /** Messages on the queue, or -1 when it cannot be known (no such queue, broker not answering). */
    public long depth(String queueName) {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        if (broker != null) {
            if (broker.getActiveMQServer() == null) return -1;
            Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of(queueName));
            return queue == null ? -1 : queue.getMessageCount();
        }
        try {
            long depth = ((Number) management.attribute(ResourceNames.QUEUE + queueName, "messageCount")).longValue();
            if (unreadable) log.info("queue depths readable again from the external broker");
            unreadable = false;
            return depth;
        } catch (BrokerManagementException | ClassCastException e) {
            if (!unreadable) {
                log.warn("queue depth of {} unreadable from the external broker ({}); back-pressure uses the disk reserve only "
                        + "and hub_queue_depth reads NaN until it is: give the hub's broker user the manage permission on {}",
                        queueName, e.getMessage(), BrokerManagement.MANAGEMENT_ADDRESS);
            }
            unreadable = true;
            return -1;
        }
    }
}
