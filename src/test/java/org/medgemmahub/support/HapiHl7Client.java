package org.medgemmahub.support;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/** HAPI's own HL7 v2 client, as an EHR interface would use it: parse, send over MLLP, parse the ACK. */
public final class HapiHl7Client implements AutoCloseable {
    private final HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    private final int port;

    public HapiHl7Client(int port) {
        this.port = port;
        context.setValidationContext(ValidationContextFactory.noValidation());
    }

    /** Sends one message on a fresh connection and returns the parsed acknowledgement. */
    public Message send(String er7) throws Exception {
        Message message = context.getPipeParser().parse(er7);
        Connection connection = context.newClient("127.0.0.1", port, false);
        try {
            return connection.getInitiator().sendAndReceive(message);
        } finally {
            connection.close();
        }
    }

    /** MSA-1 of an acknowledgement. */
    public static String ackCode(Message ack) throws Exception {
        return new Terser(ack).get("/MSA-1");
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
