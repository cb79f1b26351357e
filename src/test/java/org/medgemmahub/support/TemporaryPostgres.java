package org.medgemmahub.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server (Debian package postgresql) on a free port of 127.0.0.1: a fresh cluster in a
 * temporary directory, trust authentication, stopped at close. Run as the {@code postgres} user when the tests
 * run as root, as initdb refuses root.
 */
public final class TemporaryPostgres implements AutoCloseable {
    private final Path dir;
    private final Path bin;
    private final int port = FreePorts.next();

    private TemporaryPostgres(Path bin) throws Exception {
        this.bin = bin;
        dir = Files.createTempDirectory("medgemma-hub-postgres");
        if (runningAsRoot()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8");
        run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Starts a server, or skips the test (fails it under -Dpeers.required=true) when PostgreSQL is not installed. */
    public static TemporaryPostgres start() throws Exception {
        Optional<Path> bin = binDirectory();
        if (bin.isEmpty()) Peers.requireTool("pg_ctl", "postgresql");
        return new TemporaryPostgres(bin.orElseThrow());
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
    }

    /** pg_ctl on the PATH, else Debian's versioned /usr/lib/postgresql/N/bin (newest first); initdb sits beside it. */
    private static Optional<Path> binDirectory() throws IOException {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path pgCtl = Path.of(entry, "pg_ctl");
            if (Files.isExecutable(pgCtl)) return Optional.of(pgCtl.toRealPath().getParent());
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) return Optional.empty();
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> major(bin.getParent().getFileName().toString())));
        }
    }

    private static int major(String version) {
        return version.matches("\\d+") ? Integer.parseInt(version) : -1;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(dir.resolve("commands.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            try (Stream<String> log = Files.lines(dir.resolve("commands.log"))) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + String.join("\n", log.toList()));
            }
        }
    }
}
