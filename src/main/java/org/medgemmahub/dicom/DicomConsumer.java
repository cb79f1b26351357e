package org.medgemmahub.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.medgemmahub.dicom.net.InstanceSpool;
import org.medgemmahub.dicom.net.ReceivedInstance;
import org.medgemmahub.dicom.net.StorageHandler;
import org.medgemmahub.dicom.net.StorageScp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Storage SCP of a {@link DicomEndpoint}. Each instance, once in the spool (synced as the endpoint's
 * spoolSync says) and marked pending, becomes one exchange, processed synchronously on the association's thread: body
 * and {@link DicomHeaders#SPOOL_FILE} the spool file path, the other {@link DicomHeaders} from the C-STORE. The
 * C-STORE-RSP status is 0x0000 when the exchange completes, the status of a {@link DicomStatusException} when it
 * failed with one, and 0xA700 for any other failure. A success leaves the instance pending: the route releases it
 * with {@link InstanceSpool#handedOff(Path)} once it is queued (which may be after the answer). At start-up, instances
 * left pending in the spool are sent through the route again.
 */
public class DicomConsumer extends DefaultConsumer implements StorageHandler {
    private static final Logger log = LoggerFactory.getLogger(DicomConsumer.class);

    private final DicomEndpoint endpoint;
    private InstanceSpool spool;
    private StorageScp scp;
    private Thread recovery;

    public DicomConsumer(DicomEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        DicomConfiguration configuration = endpoint.getConfiguration();
        spool = configuration.toSpool();
        scp = new StorageScp(configuration.toScpSettings(), spool, this);
        scp.start(endpoint.getHostname(), endpoint.getPort(), configuration.getTls());
        recovery = new Thread(this::recoverPending, "dicom-spool-recovery");
        recovery.setDaemon(true);
        recovery.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (scp != null) scp.close();
        if (recovery != null) recovery.interrupt();
        super.doStop();
    }

    /** The port the SCP listens on (useful when the URI says port 0). */
    public int localPort() {
        return scp.localPort();
    }

    @Override
    public int stored(ReceivedInstance instance) {
        return deliver(instance, false).code();
    }

    private DicomStatus deliver(ReceivedInstance instance, boolean recovered) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            String file = instance.file().toAbsolutePath().toString();
            message.setBody(file);
            message.setHeader(DicomHeaders.SPOOL_FILE, file);
            message.setHeader(DicomHeaders.SOP_CLASS_UID, instance.sopClassUid());
            message.setHeader(DicomHeaders.SOP_INSTANCE_UID, instance.sopInstanceUid());
            message.setHeader(DicomHeaders.TRANSFER_SYNTAX_UID, instance.transferSyntaxUid());
            message.setHeader(DicomHeaders.CALLING_AE_TITLE, instance.callingAeTitle());
            message.setHeader(DicomHeaders.CALLED_AE_TITLE, instance.calledAeTitle());
            message.setHeader(DicomHeaders.REMOTE_ADDRESS, instance.remoteAddress());
            message.setHeader(DicomHeaders.RECOVERED, recovered);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            DicomStatus status = statusFor(exchange.getException());
            if (status != DicomStatus.SUCCESS) {
                log.warn("DICOM-STORE-FAILED: SOP instance {} from {} answered {}: {}", instance.sopInstanceUid(),
                        instance.callingAeTitle(), status, exchange.getException().getMessage());
            }
            return status;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** The C-STORE status for an exchange that ended with {@code failure} (null: it completed). */
    static DicomStatus statusFor(Throwable failure) {
        if (failure == null) return DicomStatus.SUCCESS;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DicomStatusException statusException) return statusException.status();
            if (cause.getCause() == cause) break;
        }
        return DicomStatus.OUT_OF_RESOURCES;
    }

    private void recoverPending() {
        List<ReceivedInstance> pending;
        try {
            pending = spool.pending();
        } catch (IOException e) {
            log.error("DICOM-RECOVERY: cannot list pending instances in the spool: {}", e.toString());
            return;
        }
        if (!pending.isEmpty()) log.info("DICOM spool: {} instance(s) stored but not handed off, sending them again", pending.size());
        for (ReceivedInstance instance : pending) {
            if (!isRunAllowed() || Thread.currentThread().isInterrupted()) return;
            // the route queues it and releases its pending marker, as for a received instance; a failure leaves it pending
            DicomStatus status = deliver(instance, true);
            if (status != DicomStatus.SUCCESS) {
                log.warn("DICOM-RECOVERY: SOP instance {} still pending (answered {}); tried again at the next start",
                        instance.sopInstanceUid(), status);
            }
        }
    }
}
