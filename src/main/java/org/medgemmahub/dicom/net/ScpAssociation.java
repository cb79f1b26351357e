package org.medgemmahub.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One association on the SCP side (PS3.8 state machine, acceptor half): waits at most the ARTIM timeout for the
 * A-ASSOCIATE-RQ, answers AC or RJ, then serves P-DATA until A-RELEASE-RQ, A-ABORT, the idle timeout or a protocol
 * error, which is answered with A-ABORT. Whatever happens, only this connection is affected.
 */
final class ScpAssociation implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ScpAssociation.class);

    private static final int DRAIN_MILLIS = 500;
    private static final long MAX_DRAIN_BYTES = 1 << 20;

    private final Socket socket;
    private final ScpSettings settings;
    private final AssociationNegotiator negotiator;
    private final InstanceSpool spool;
    private final StorageHandler handler;
    private final String remoteAddress;
    private PduWriter writer;

    ScpAssociation(Socket socket, ScpSettings settings, AssociationNegotiator negotiator, InstanceSpool spool, StorageHandler handler) {
        this.socket = socket;
        this.settings = settings;
        this.negotiator = negotiator;
        this.spool = spool;
        this.handler = handler;
        this.remoteAddress = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    @Override
    public void run() {
        try {
            writer = new PduWriter(new BufferedOutputStream(socket.getOutputStream(), 16 * 1024));
            PduReader reader = new PduReader(new BufferedInputStream(socket.getInputStream(), 16 * 1024), settings.maxPduLength());
            socket.setSoTimeout((int) settings.artimTimeout().toMillis());
            Pdu first = reader.read();
            if (!(first instanceof AssociateRequest rq)) {
                throw new DicomProtocolException(Abort.UNEXPECTED_PDU, "expected A-ASSOCIATE-RQ, got " + first.getClass().getSimpleName());
            }
            Pdu answer = negotiator.negotiate(rq);
            writer.write(answer);
            if (answer instanceof AssociateReject rj) {
                log.warn("DICOM-ASSOC-RJ: association from {} ({}) to {} rejected: {}", rq.callingAeTitle(), remoteAddress, rq.calledAeTitle(), rj);
                return;
            }
            AssociateAccept ac = (AssociateAccept) answer;
            log.debug("DICOM association from {} ({}) accepted, {} of {} contexts", rq.callingAeTitle(), remoteAddress,
                    ac.results().stream().filter(PresentationContextResult::accepted).count(), ac.results().size());
            socket.setSoTimeout((int) settings.idleTimeout().toMillis());
            serve(reader, rq, ac);
        } catch (DicomProtocolException e) {
            log.warn("DICOM-ABORT: association from {} aborted, reason {}: {}", remoteAddress, e.abortReason(), e.getMessage());
            abort(e.abortReason());
        } catch (SocketTimeoutException e) {
            log.warn("DICOM-TIMEOUT: association from {} aborted after its timeout", remoteAddress);
            abort(Abort.REASON_NOT_SPECIFIED);
        } catch (EOFException e) {
            log.debug("DICOM connection from {} closed by the peer", remoteAddress);
        } catch (IOException e) {
            log.warn("DICOM-IO: association from {} ended: {}", remoteAddress, e.toString());
        } finally {
            close();
        }
    }

    /** Half-closes first and drains what the peer still sends, so an A-ABORT is not lost to a connection reset. */
    private void close() {
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                socket.shutdownOutput();
                socket.setSoTimeout(DRAIN_MILLIS);
                byte[] sink = new byte[8192];
                long drained = 0;
                int n;
                while (drained < MAX_DRAIN_BYTES && (n = socket.getInputStream().read(sink)) > 0) drained += n;
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.trace("draining the connection from {}: {}", remoteAddress, e.toString());
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing the connection from {}: {}", remoteAddress, e.toString());
        }
    }

    private void serve(PduReader reader, AssociateRequest rq, AssociateAccept ac) throws IOException {
        Map<Integer, PresentationContextResult> accepted = new HashMap<>();
        Map<Integer, String> abstractSyntaxes = new HashMap<>();
        ac.results().stream().filter(PresentationContextResult::accepted).forEach(r -> accepted.put(r.id(), r));
        rq.presentationContexts().forEach(pc -> abstractSyntaxes.put(pc.id(), pc.abstractSyntax()));
        try (ScpDimseService dimse = new ScpDimseService(rq, accepted, abstractSyntaxes, remoteAddress, spool, handler, writer)) {
            while (true) {
                Pdu pdu = reader.read();
                if (pdu instanceof DataTransfer data) {
                    for (Pdv pdv : data.pdvs()) dimse.receive(pdv);
                } else if (pdu instanceof ReleaseRequest) {
                    if (!dimse.idle()) throw new DicomProtocolException(Abort.UNEXPECTED_PDU, "A-RELEASE-RQ in the middle of a message");
                    writer.write(new ReleaseResponse());
                    log.debug("DICOM association from {} released", remoteAddress);
                    return;
                } else if (pdu instanceof Abort abort) {
                    log.info("DICOM association from {} aborted by the peer ({})", remoteAddress, abort);
                    return;
                } else {
                    throw new DicomProtocolException(Abort.UNEXPECTED_PDU, "unexpected " + pdu.getClass().getSimpleName() + " on an established association");
                }
            }
        }
    }

    private void abort(int reason) {
        if (writer == null || socket.isClosed()) return;
        try {
            writer.write(Abort.byProvider(reason));
        } catch (IOException e) {
            log.debug("A-ABORT to {} not delivered: {}", remoteAddress, e.toString());
        }
    }
}
