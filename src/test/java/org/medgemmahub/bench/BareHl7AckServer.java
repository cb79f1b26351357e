package org.medgemmahub.bench;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.Map;
import org.medgemmahub.support.FreePorts;

/**
 * The reference for MLLP intake: HAPI's own MLLP server answering AA to every message after parsing it, storing
 * nothing. The hub does the same parse plus a durable queue write before its AA, so the ratio shows what
 * durability costs.
 */
final class BareHl7AckServer implements AutoCloseable {
    final int port = FreePorts.next();
    private final HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    private final HL7Service server;

    BareHl7AckServer() throws Exception {
        // HAPI logs every closed connection at INFO; the table is what a benchmark run should show
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ca.uhn.hl7v2"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        context.setValidationContext(ValidationContextFactory.noValidation());
        server = context.newServer(port, false);
        server.registerApplication("*", "*", new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) throws ca.uhn.hl7v2.HL7Exception {
                try {
                    return message.generateACK();
                } catch (java.io.IOException e) {
                    throw new ca.uhn.hl7v2.HL7Exception(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        server.startAndWait();
    }

    @Override
    public void close() throws Exception {
        server.stopAndWait();
        context.close();
    }
}
