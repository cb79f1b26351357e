package org.medgemmahub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP forwarder on a fixed port of 127.0.0.1 in front of a server, so a test can take that server off the network
 * and bring it back: {@link #cut()} closes the listener and every open connection (callers then get connection
 * refused), {@link #restore()} listens again on the same port. The server behind it keeps running and keeps its data.
 */
public final class OutageProxy implements AutoCloseable {
    private final int port = FreePorts.next();
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "outage-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    public OutageProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        restore();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The outage begins: no listener, and connections in progress are cut. */
    public synchronized void cut() throws IOException {
        if (listener != null) listener.close();
        listener = null;
        for (Socket socket : open) socket.close();
        open.clear();
    }

    /** The outage ends: the port listens again and forwards to the server. */
    public synchronized void restore() throws IOException {
        if (listener != null) return;
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = server;
        threads.execute(() -> accept(server));
    }

    @Override
    public void close() throws IOException {
        cut();
        threads.shutdownNow();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target;
                try {
                    target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException refused) {
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(target);
                threads.execute(() -> pump(client, target));
                threads.execute(() -> pump(target, client));
            } catch (IOException closedOrRefused) {
                // cut() closed the listener, or the server behind is not there: the caller sees a closed connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException cut) {
            // one side closed or the outage cut the connection
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
