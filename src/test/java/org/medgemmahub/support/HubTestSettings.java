package org.medgemmahub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ports and data directory for one hub under test: every listener on a free port of 127.0.0.1, its own temporary
 * data directory, and a fast redelivery pace so retries are seen within seconds.
 */
public final class HubTestSettings {
    public final int httpPort = FreePorts.next();
    public final int hl7Port = FreePorts.next();
    public final int simulatorPort = FreePorts.next();
    public final int dicomPort = FreePorts.next();
    public final Path dataDir;

    public HubTestSettings() {
        try {
            dataDir = Files.createTempDirectory("medgemma-hub-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties that place the hub on these ports and this directory. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", httpPort);
        properties.put("server.address", "127.0.0.1");
        properties.put("hub.hl7.port", hl7Port);
        properties.put("hub.hl7.bind-address", "127.0.0.1");
        properties.put("hub.simulator.port", simulatorPort);
        properties.put("hub.dicom.port", dicomPort);
        properties.put("hub.dicom.bind-address", "127.0.0.1");
        properties.put("hub.data-dir", dataDir.toString());
        properties.put("hub.broker.redelivery-delay", "500ms");
        properties.put("hub.broker.redelivery-max-delay", "2s");
        return properties;
    }

    public String fhirBase() {
        return "http://127.0.0.1:" + httpPort + "/fhir";
    }

    public String simulatorBase() {
        return "http://127.0.0.1:" + simulatorPort;
    }
}
