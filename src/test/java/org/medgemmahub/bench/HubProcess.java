package org.medgemmahub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medgemmahub.support.FreePorts;

/**
 * The hub as a separate process started from the built jar, as an operator runs it: every listener on a free port
 * of 127.0.0.1 and its own data directory. Knows its start-up time and resident memory.
 */
final class HubProcess implements AutoCloseable {
    final int httpPort = FreePorts.next();
    final int hl7Port = FreePorts.next();
    final int dicomPort = FreePorts.next();
    final int simulatorPort = FreePorts.next();
    final Path dataDir;
    final Duration startUp;
    private final Process process;

    private HubProcess(Path jar, Map<String, String> settings) throws Exception {
        dataDir = Files.createTempDirectory("hub-bench");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-jar", jar.toString(),
                "--server.port=" + httpPort, "--server.address=127.0.0.1",
                "--hub.hl7.port=" + hl7Port, "--hub.hl7.bind-address=127.0.0.1",
                "--hub.dicom.port=" + dicomPort, "--hub.dicom.bind-address=127.0.0.1",
                "--hub.simulator.port=" + simulatorPort, "--hub.data-dir=" + dataDir,
                "--logging.level.root=WARN"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        long started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("hub.log").toFile()).start();
        awaitReady();
        startUp = Duration.ofNanos(System.nanoTime() - started);
    }

    static HubProcess start(Path jar, Map<String, String> settings) throws Exception {
        return new HubProcess(jar, settings);
    }

    /** Resident set size of the hub process in MiB, from /proc. */
    long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    String simulatorBase() {
        return "http://127.0.0.1:" + simulatorPort;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("hub exited during start-up; see " + dataDir.resolve("hub.log"));
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 && accepts(hl7Port)) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50); // polling a child process's start-up; this is a benchmark harness, not a test
        }
        throw new IllegalStateException("hub not ready within 120 s; see " + dataDir.resolve("hub.log"));
    }

    static boolean accepts(int port) {
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
