package org.medgemmahub.dicom.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DIMSE side of one SCP association: assembles command fragments, answers C-ECHO, streams a C-STORE data set
 * straight into the spool (each PDV written as it arrives; past the spool's size limit the rest is drained and the
 * instance answered 0xA700) and answers it once the {@link StorageHandler} has decided, and refuses other operations.
 * A PDV out of order (data without a command, a command in the middle of a data set, an unaccepted context) is a
 * protocol error: the association is aborted.
 */
final class ScpDimseService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScpDimseService.class);
    private static final int MAX_COMMAND_LENGTH = 64 * 1024;

    private final Map<Integer, PresentationContextResult> accepted;
    private final Map<Integer, String> abstractSyntaxes;
    private final AssociateRequest association;
    private final String remoteAddress;
    private final InstanceSpool spool;
    private final StorageHandler handler;
    private final PduWriter writer;
    private final ByteArrayOutputStream commandBytes = new ByteArrayOutputStream();
    private Incoming incoming;

    ScpDimseService(AssociateRequest association, Map<Integer, PresentationContextResult> accepted, Map<Integer, String> abstractSyntaxes,
                    String remoteAddress, InstanceSpool spool, StorageHandler handler, PduWriter writer) {
        this.association = association;
        this.accepted = accepted;
        this.abstractSyntaxes = abstractSyntaxes;
        this.remoteAddress = remoteAddress;
        this.spool = spool;
        this.handler = handler;
        this.writer = writer;
    }

    /** No command or data set is half received, so the association may be released. */
    boolean idle() {
        return incoming == null && commandBytes.size() == 0;
    }

    void receive(Pdv pdv) throws IOException {
        if (!accepted.containsKey(pdv.contextId())) throw protocolError("PDV on presentation context " + pdv.contextId() + " not accepted");
        if (pdv.command()) {
            if (incoming != null) throw protocolError("command PDV while a data set is expected");
            if (commandBytes.size() + pdv.data().length > MAX_COMMAND_LENGTH) throw protocolError("command set too long");
            commandBytes.writeBytes(pdv.data());
            if (pdv.last()) {
                CommandSet command = CommandSet.decode(commandBytes.toByteArray());
                commandBytes.reset();
                onCommand(pdv.contextId(), command);
            }
        } else {
            if (incoming == null) throw protocolError("data set PDV without a command");
            if (incoming.contextId != pdv.contextId()) throw protocolError("data set PDV on another presentation context");
            incoming.write(pdv.data());
            if (pdv.last()) finishDataSet();
        }
    }

    private void onCommand(int contextId, CommandSet command) throws IOException {
        int field = command.commandField();
        if (field == CommandSet.C_ECHO_RQ && !command.hasDataSet()) {
            respond(contextId, CommandSet.responseTo(command, Status.SUCCESS));
        } else if (field == CommandSet.C_STORE_RQ) {
            if (!command.hasDataSet()) throw protocolError("C-STORE-RQ without a data set");
            incoming = new Incoming(contextId, command);
            incoming.open();
        } else if (command.hasDataSet()) {
            incoming = new Incoming(contextId, command);
            incoming.refuse(Status.UNRECOGNIZED_OPERATION);
        } else {
            respond(contextId, CommandSet.responseTo(command, Status.UNRECOGNIZED_OPERATION));
        }
    }

    private void finishDataSet() throws IOException {
        Incoming done = incoming;
        incoming = null;
        int status = done.finish();
        respond(done.contextId, CommandSet.responseTo(done.command, status));
    }

    private void respond(int contextId, CommandSet response) throws IOException {
        PDataOutputStream.send(writer, contextId, true, association.maxPduLength(), response.encode());
    }

    private static DicomProtocolException protocolError(String message) {
        return new DicomProtocolException(Abort.UNEXPECTED_PDU_PARAMETER, message);
    }

    /** Drops a half-received instance (association released, aborted or broken). */
    @Override
    public void close() {
        if (incoming != null && incoming.writer != null) incoming.writer.abandon();
        incoming = null;
    }

    /** One C-STORE (or refused operation) whose data set is arriving. */
    private final class Incoming {
        final int contextId;
        final CommandSet command;
        SpoolWriter writer;
        int refusal = -1;

        Incoming(int contextId, CommandSet command) {
            this.contextId = contextId;
            this.command = command;
        }

        void open() {
            String sopClass = command.string(CommandSet.AFFECTED_SOP_CLASS_UID).orElse("");
            String sopInstance = command.string(CommandSet.AFFECTED_SOP_INSTANCE_UID).orElse("");
            if (!sopClass.equals(abstractSyntaxes.get(contextId))) {
                refuse(Status.SOP_CLASS_NOT_SUPPORTED);
                return;
            }
            if (!InstanceSpool.isUid(sopInstance)) {
                refuse(Status.CANNOT_UNDERSTAND);
                return;
            }
            ReceivedInstance announced = new ReceivedInstance(sopClass, sopInstance, accepted.get(contextId).transferSyntax(),
                    association.callingAeTitle(), association.calledAeTitle(), remoteAddress, null);
            try {
                writer = spool.begin(announced);
            } catch (IOException | RuntimeException e) {
                log.error("DICOM-SPOOL: cannot start spool file for SOP instance {}: {}", sopInstance, e.toString());
                refuse(Status.OUT_OF_RESOURCES);
            }
        }

        void refuse(int status) {
            refusal = status;
        }

        /** Appends to the spool file; after a refusal the rest of the data set is only drained (read and dropped). */
        void write(byte[] fragment) {
            if (writer == null) return;
            try {
                writer.write(fragment);
            } catch (InstanceTooLargeException e) {
                log.warn("{} (SOP instance {} from {}); the rest is drained, then answered 0xA700", e.getMessage(),
                        command.string(CommandSet.AFFECTED_SOP_INSTANCE_UID).orElse(""), association.callingAeTitle());
                writer.abandon();
                writer = null;
                refuse(Status.OUT_OF_RESOURCES);
            } catch (IOException e) {
                log.error("DICOM-SPOOL: cannot write SOP instance {}: {}", command.string(CommandSet.AFFECTED_SOP_INSTANCE_UID).orElse(""), e.toString());
                writer.abandon();
                writer = null;
                refuse(Status.OUT_OF_RESOURCES);
            }
        }

        int finish() {
            if (refusal >= 0) {
                log.warn("DICOM-REFUSED: C-STORE from {} answered {}", association.callingAeTitle(), Status.hex(refusal));
                return refusal;
            }
            ReceivedInstance stored;
            try {
                stored = writer.commit();
            } catch (IOException | RuntimeException e) {
                log.error("DICOM-SPOOL: cannot commit SOP instance {}: {}", command.string(CommandSet.AFFECTED_SOP_INSTANCE_UID).orElse(""), e.toString());
                return Status.OUT_OF_RESOURCES;
            }
            return handOver(stored);
        }

        private int handOver(ReceivedInstance stored) {
            int status;
            try {
                status = handler.stored(stored);
            } catch (Exception e) {
                log.error("DICOM-HANDOFF: SOP instance {} not handed off: {}", stored.sopInstanceUid(), e.toString());
                status = Status.OUT_OF_RESOURCES;
            }
            if (Status.stored(status)) return status; // stays pending until whoever queues it calls handedOff
            try {
                spool.discard(stored);
            } catch (IOException e) {
                log.warn("DICOM-SPOOL: cannot remove refused SOP instance {}: {}", stored.sopInstanceUid(), e.toString());
            }
            return status;
        }
    }
}
