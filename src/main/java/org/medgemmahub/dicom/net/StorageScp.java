package org.medgemmahub.dicom.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.medgemmahub.security.TlsContextFactory;
import org.medgemmahub.security.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DICOM Storage SCP listener: accepts connections and serves each association on its own thread from a pool of
 * {@link ScpSettings#maxAssociations()}; a caller beyond that gets A-ASSOCIATE-RJ (transient, local limit exceeded).
 * Verification and Storage only; stored instances go to the {@link InstanceSpool} and then to the {@link StorageHandler}.
 */
public final class StorageScp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StorageScp.class);
    private static final int REJECT_READ_TIMEOUT_MILLIS = 2000;
    private static final int BACKLOG = 128;

    private final ScpSettings settings;
    private final AssociationNegotiator negotiator;
    private final InstanceSpool spool;
    private final StorageHandler handler;
    private final ThreadPoolExecutor associations;
    /** Answers callers beyond the limit without holding up the accept loop; beyond its queue they are just closed. */
    private final ThreadPoolExecutor rejections = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
            r -> daemon(r, "dicom-busy-rejection"), (r, pool) -> closeQuietly(((BusyRejection) r).socket));
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket serverSocket;
    private Thread acceptor;

    public StorageScp(ScpSettings settings, InstanceSpool spool, StorageHandler handler) {
        this.settings = settings;
        this.negotiator = new AssociationNegotiator(settings);
        this.spool = spool;
        this.handler = handler;
        AtomicInteger threads = new AtomicInteger();
        this.associations = new ThreadPoolExecutor(settings.maxAssociations(), settings.maxAssociations(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> daemon(r, "dicom-association-" + threads.incrementAndGet()));
        this.associations.allowCoreThreadTimeOut(true);
    }

    /** Binds plain TCP and starts accepting; port 0 lets the OS choose (see {@link #localPort()}). */
    public void start(String bindAddress, int port) throws IOException {
        start(bindAddress, port, TlsSettings.disabled());
    }

    /**
     * Binds and starts accepting, with TLS when {@code tls} is enabled (DICOM PS3.15 secure transport: TLS from the first
     * byte, the handshake on the association's thread within the ARTIM timeout); port 0 lets the OS choose.
     */
    public synchronized void start(String bindAddress, int port, TlsSettings tls) throws IOException {
        spool.clearPartialFiles();
        if (tls.enabled()) {
            try {
                serverSocket = new TlsContextFactory(tls).bind(bindAddress, port, BACKLOG);
            } catch (GeneralSecurityException e) {
                throw new IOException("DICOM TLS cannot be set up: " + e.getMessage(), e);
            }
        } else {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port), BACKLOG);
        }
        acceptor = new Thread(this::acceptLoop, "dicom-listener-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("DICOM Storage SCP {} listening on {}:{}{}", settings.aeTitle(), bindAddress, serverSocket.getLocalPort(),
                tls.enabled() ? " with TLS " + tls.protocols() + ", client certificates " + tls.clientAuth() : "");
    }

    public int localPort() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!serverSocket.isClosed()) log.warn("DICOM-ACCEPT: {}", e.toString());
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                open.add(socket);
                associations.execute(() -> {
                    try {
                        new ScpAssociation(socket, settings, negotiator, spool, handler).run();
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (RejectedExecutionException e) {
                open.remove(socket);
                rejections.execute(new BusyRejection(socket));
            } catch (SocketException e) {
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    /** Every association thread is busy: read the A-ASSOCIATE-RQ and answer RJ (transient, local limit exceeded). */
    private final class BusyRejection implements Runnable {
        final Socket socket;

        BusyRejection(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            log.warn("DICOM-BUSY: {} associations in progress, rejecting {}", settings.maxAssociations(), socket.getRemoteSocketAddress());
            try (socket) {
                socket.setSoTimeout(REJECT_READ_TIMEOUT_MILLIS);
                PduWriter writer = new PduWriter(socket.getOutputStream());
                if (new PduReader(socket.getInputStream(), settings.maxPduLength()).read() instanceof AssociateRequest) {
                    writer.write(AssociateReject.localLimitExceeded());
                } else {
                    writer.write(Abort.byProvider(Abort.UNEXPECTED_PDU));
                }
            } catch (IOException e) {
                log.debug("busy rejection not delivered: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (serverSocket != null) closeQuietly(serverSocket);
        open.forEach(StorageScp::closeQuietly);
        associations.shutdownNow();
        rejections.shutdownNow();
        try {
            if (acceptor != null) acceptor.join(5000);
            associations.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing on shutdown or after a failed hand-over
        }
    }
}
