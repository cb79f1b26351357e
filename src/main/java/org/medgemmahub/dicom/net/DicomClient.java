package org.medgemmahub.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.medgemmahub.dicom.data.Part10FileWriter;
import org.medgemmahub.security.TlsContextFactory;
import org.medgemmahub.security.TlsSettings;

/**
 * A small SCU: opens an association, sends C-ECHO and C-STORE (a Part 10 file's data set as it is, fragmented to the
 * peer's max PDU length) and releases. One operation at a time; each returns the DIMSE status of the response.
 */
public final class DicomClient implements AutoCloseable {
    /** The largest P-DATA-TF this SCU receives. */
    static final int MAX_PDU_LENGTH = 16384;

    private final Socket socket;
    private final PduReader reader;
    private final PduWriter writer;
    private final AssociateRequest request;
    private final AssociateAccept accept;
    private int messageId;
    private boolean released;

    private DicomClient(Socket socket, PduReader reader, PduWriter writer, AssociateRequest request, AssociateAccept accept) {
        this.socket = socket;
        this.reader = reader;
        this.writer = writer;
        this.request = request;
        this.accept = accept;
    }

    /** Associates with {@code calledAe} at host:port proposing {@code contexts}; throws when rejected or aborted. */
    public static DicomClient open(String host, int port, String callingAe, String calledAe, List<PresentationContext> contexts,
                                   Duration timeout) throws IOException {
        return open(host, port, callingAe, calledAe, contexts, timeout, TlsSettings.disabled());
    }

    /**
     * As {@link #open(String, int, String, String, List, Duration)}, over TLS when {@code tls} is enabled: the peer's
     * certificate must be trusted by the trust store and name {@code host}; our key store, if any, is shown when asked.
     */
    public static DicomClient open(String host, int port, String callingAe, String calledAe, List<PresentationContext> contexts,
                                   Duration timeout, TlsSettings tls) throws IOException {
        Socket socket = tls.enabled() ? tlsSocket(tls) : new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            if (socket instanceof SSLSocket secure) secure.startHandshake();
            socket.setTcpNoDelay(true);
            PduReader reader = new PduReader(new BufferedInputStream(socket.getInputStream(), 16 * 1024), MAX_PDU_LENGTH);
            PduWriter writer = new PduWriter(new BufferedOutputStream(socket.getOutputStream(), 16 * 1024));
            AssociateRequest rq = new AssociateRequest(1, calledAe, callingAe, AssociateRequest.DICOM_APPLICATION_CONTEXT, contexts,
                    MAX_PDU_LENGTH, Part10FileWriter.IMPLEMENTATION_CLASS_UID, Part10FileWriter.IMPLEMENTATION_VERSION_NAME);
            writer.write(rq);
            Pdu answer = reader.read();
            if (answer instanceof AssociateAccept ac) return new DicomClient(socket, reader, writer, rq, ac);
            if (answer instanceof AssociateReject rj) throw new AssociationRejectedException(rj);
            throw new IOException("association refused: " + answer);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static SSLSocket tlsSocket(TlsSettings tls) throws IOException {
        try {
            SSLSocket socket = new TlsContextFactory(tls).newClientSocket();
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS cannot be set up: " + e.getMessage(), e);
        }
    }

    public AssociateAccept accept() {
        return accept;
    }

    /** The accepted presentation context for this abstract and transfer syntax, if any. */
    public Optional<Integer> acceptedContext(String abstractSyntax, String transferSyntax) {
        return request.presentationContexts().stream()
                .filter(pc -> pc.abstractSyntax().equals(abstractSyntax))
                .filter(pc -> accept.result(pc.id()).filter(PresentationContextResult::accepted)
                        .filter(r -> r.transferSyntax().equals(transferSyntax)).isPresent())
                .map(PresentationContext::id).findFirst();
    }

    /** C-ECHO; the response status. */
    public int echo() throws IOException {
        int context = request.presentationContexts().stream()
                .filter(pc -> pc.abstractSyntax().equals(ProposedContexts.VERIFICATION))
                .filter(pc -> accept.result(pc.id()).filter(PresentationContextResult::accepted).isPresent())
                .map(PresentationContext::id).findFirst()
                .orElseThrow(() -> new IOException("Verification was not accepted by the peer"));
        sendCommand(context, CommandSet.echoRequest(nextMessageId()));
        return readResponse().status();
    }

    /** C-STORE of the file's data set on the context accepted for its SOP class and transfer syntax; the response status. */
    public int store(Part10Input file) throws IOException {
        int context = acceptedContext(file.sopClassUid(), file.transferSyntaxUid())
                .orElseThrow(() -> new IOException("no accepted presentation context for SOP class " + file.sopClassUid()
                        + " in transfer syntax " + file.transferSyntaxUid()));
        sendCommand(context, CommandSet.storeRequest(nextMessageId(), file.sopClassUid(), file.sopInstanceUid()));
        try (InputStream dataSet = file.openDataSet();
             PDataOutputStream out = new PDataOutputStream(writer, context, false, accept.maxPduLength())) {
            dataSet.transferTo(out);
        }
        return readResponse().status();
    }

    /** A-RELEASE-RQ, waiting for A-RELEASE-RP. */
    public void release() throws IOException {
        writer.write(new ReleaseRequest());
        Pdu answer = reader.read();
        if (!(answer instanceof ReleaseResponse)) throw new IOException("release answered with " + answer);
        released = true;
    }

    /** Closes the connection, aborting the association if it was not released. */
    @Override
    public void close() throws IOException {
        try (socket) {
            if (!released && !socket.isClosed()) writer.write(new Abort(Abort.SOURCE_SERVICE_USER, Abort.REASON_NOT_SPECIFIED));
        } catch (IOException ignored) {
            // the peer is gone already
        }
    }

    private void sendCommand(int context, CommandSet command) throws IOException {
        PDataOutputStream.send(writer, context, true, accept.maxPduLength(), command.encode());
    }

    private CommandSet readResponse() throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        while (true) {
            Pdu pdu = reader.read();
            if (pdu instanceof DataTransfer data) {
                for (Pdv pdv : data.pdvs()) {
                    if (!pdv.command()) continue;
                    command.writeBytes(pdv.data());
                    if (pdv.last()) return CommandSet.decode(command.toByteArray());
                }
            } else {
                released = pdu instanceof Abort;
                throw new IOException("association ended while waiting for a response: " + pdu);
            }
        }
    }

    private int nextMessageId() {
        messageId = messageId % 0xFFFF + 1;
        return messageId;
    }
}
