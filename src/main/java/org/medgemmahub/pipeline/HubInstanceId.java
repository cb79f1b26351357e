package org.medgemmahub.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * This hub's name among hubs sharing a database (in claims on messages and on DICOM series): stable across restarts,
 * so a restarted hub takes its own unfinished claims over at once, and distinct for two hubs on one machine.
 */
public final class HubInstanceId {
    private static final int MAX_LENGTH = 200;

    private HubInstanceId() {
    }

    /** The configured id (hub.idempotency.instance-id), or else host name and data directory. */
    public static String resolve(String configured, String dataDir) {
        if (configured != null && !configured.isBlank()) return configured.strip();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        String id = host + ":" + Path.of(dataDir).toAbsolutePath().normalize();
        return id.length() > MAX_LENGTH ? id.substring(id.length() - MAX_LENGTH) : id;
    }
}
