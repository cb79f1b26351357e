package org.medgemmahub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1 for tests that must name a port before binding it. They come from just below the kernel's
 * ephemeral range: a port from that range (what binding port 0 returns) can be taken meanwhile as the local port of an
 * outgoing connection, and a kept-alive HTTP connection then holds it for minutes (a listener of the full suite once
 * failed to bind so). Each port is handed out once per JVM and checked free when handed out.
 */
public final class FreePorts {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int SPAN = 12_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        int ephemeralLow = ephemeralLow();
        if (ephemeralLow <= SPAN + 1024) return ephemeralPort();
        int low = ephemeralLow - SPAN;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = low + ThreadLocalRandom.current().nextInt(SPAN);
            if (HANDED_OUT.add(port) && free(port)) return port;
        }
        throw new IllegalStateException("no free port in " + low + "-" + (ephemeralLow - 1));
    }

    /** The first port the kernel gives to outgoing connections; 0 when unknown (not Linux). */
    private static int ephemeralLow() {
        try {
            return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
