package org.medgemmahub.support;

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
import java.util.concurrent.TimeUnit;

/**
 * The hub in a JVM of its own, as an operator runs it, so a test or benchmark can kill it with SIGKILL or measure
 * it from outside. Started from the built jar, or from this JVM's class path (tests run before the jar exists).
 * Its output goes to {@code hub-<n>.log} in the data directory.
 */
public final class HubJvm implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final Duration startUp;

    private HubJvm(List<String> launch, HubTestSettings settings, Map<String, String> overrides) throws Exception {
        List<String> command = new ArrayList<>(launch);
        settings.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
        overrides.forEach((key, value) -> command.add("--" + key + "=" + value));
        int n = 1;
        while (Files.exists(settings.dataDir.resolve("hub-" + n + ".log"))) n++;
        log = settings.dataDir.resolve("hub-" + n + ".log");
        long started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady(settings);
        } catch (Exception | Error e) {
            kill(); // a hub that did not come up in time must not outlive the test, holding its ports
            throw e;
        }
        startUp = Duration.ofNanos(System.nanoTime() - started);
    }

    /** Runs {@code java -jar jar} with the settings as command-line properties. */
    public static HubJvm fromJar(Path jar, HubTestSettings settings, Map<String, String> overrides) throws Exception {
        return fromJar(jar, settings, overrides, List.of("-Xmx1g"));
    }

    /** Runs {@code java <jvmOptions> -jar jar}, e.g. with a smaller {@code -Xmx} for a memory benchmark. */
    public static HubJvm fromJar(Path jar, HubTestSettings settings, Map<String, String> overrides,
                                 List<String> jvmOptions) throws Exception {
        List<String> launch = new ArrayList<>(List.of(java()));
        launch.addAll(jvmOptions);
        launch.addAll(List.of("-jar", jar.toString()));
        return new HubJvm(launch, settings, overrides);
    }

    /** CPU time the hub's process has used so far: all its threads, the JIT compiler and the garbage collector included. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(() ->
                new IllegalStateException("this system does not report a process's CPU time"));
    }

    /** Whether the hub's process is still running (e.g. has not died of an OutOfMemoryError). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Runs the hub's main class on this JVM's class path (target/classes and the dependencies). */
    public static HubJvm fromClasspath(HubTestSettings settings, Map<String, String> overrides) throws Exception {
        return fromClasspath(settings, overrides, List.of("-Xmx1g"));
    }

    /** As {@link #fromClasspath(HubTestSettings, Map)} with other JVM options, e.g. a small {@code -Xmx}. */
    public static HubJvm fromClasspath(HubTestSettings settings, Map<String, String> overrides, List<String> jvmOptions)
            throws Exception {
        List<String> launch = new ArrayList<>(List.of(java()));
        launch.addAll(jvmOptions);
        launch.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.medgemmahub.HubApplication"));
        return new HubJvm(launch, settings, overrides);
    }

    public Duration startUp() {
        return startUp;
    }

    public Path log() {
        return log;
    }

    /** Resident set size in MiB, from /proc. */
    public long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed; what the hub acknowledged must survive this. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
    }

    private void awaitReady(HubTestSettings settings) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        // -Dhub.jvm.start-timeout-seconds=N: two hubs starting beside other builds on 2 cores can need more than 2 minutes
        long timeout = Long.getLong("hub.jvm.start-timeout-seconds", 240);
        long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("hub exited during start-up; see " + log);
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && Listening.accepts(settings.hl7Port)) return;
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling another process's start-up
        }
        throw new IllegalStateException("hub not ready within " + timeout + " s; see " + log);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
