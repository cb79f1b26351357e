package org.medgemmahub.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

/** Waits for a listener that binds in the background after start-up (camel-mllp binds on its own thread). */
public final class Listening {
    private Listening() {
    }

    public static void awaitPort(int port) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> accepts(port));
    }

    public static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
