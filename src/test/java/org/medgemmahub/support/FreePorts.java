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
 * Free ports on 127.0.0.1 for tests that must name a port before binding it. Each port is handed out once per JVM:
 * a port asked of the OS and released can be given out again before its first owner binds it, and in one full run
 * two test contexts got the same port (the HTTP of one, the MLLP of the other). They come from just below the
 * kernel's ephemeral range, so an outgoing connection (a kept-alive HTTP client holds its port for minutes) cannot
 * take one between choice and bind either; each is checked free when handed out.
 */
public final class FreePorts {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int SPAN = 12_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        int ephemeralLow = ephemeralLow();
        boolean belowEphemeral = ephemeralLow > SPAN + 1024;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = belowEphemeral ? ephemeralLow - SPAN + ThreadLocalRandom.current().nextInt(SPAN) : ephemeralPort();
            if (HANDED_OUT.add(port) && (!belowEphemeral || free(port))) return port;
        }
        throw new IllegalStateException("no free port left to hand out");
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
