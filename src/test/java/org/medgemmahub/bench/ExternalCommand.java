package org.medgemmahub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A reference tool (DCMTK, python) run to completion from a scenario: wall-clock seconds from start to exit, its
 * output kept in a log file, and a non-zero exit (or a DCMTK error line, which storescu prints without failing its
 * exit code for a refused C-STORE) turned into an exception so a broken run never counts as a fast one.
 *
 * <p>Every command gets {@code TCP_NODELAY=1}: this DCMTK build leaves Nagle's algorithm on unless told, and then each
 * C-STORE waits ~40 ms for a delayed ACK (measured: 50 CT slices in 2.3 s instead of 0.14 s), which would make the
 * benchmark measure TCP timers instead of either receiver. The hub disables Nagle on its sockets itself.
 */
final class ExternalCommand {
    private ExternalCommand() {
    }

    /** @return wall-clock seconds the command took */
    static double run(List<String> command, Path log) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = builder(command, log).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within 30 minutes; see " + log);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " exited " + process.exitValue() + "; see " + log);
        }
        return seconds;
    }

    /** Like {@link #run}, but also fails on DCMTK's "E:" (error) and "F:" (fatal) log lines. */
    static double runDcmtk(List<String> command, Path log) throws IOException, InterruptedException {
        double seconds = run(command, log);
        String firstError = Files.readAllLines(log).stream().filter(l -> l.startsWith("E:") || l.startsWith("F:"))
                .findFirst().orElse(null);
        if (firstError != null) throw new IllegalStateException(command.get(0) + " reported " + firstError + "; see " + log);
        return seconds;
    }

    /** Starts a long-running reference server (storescp) with its output in a log file. */
    static Process start(List<String> command, Path log) throws IOException {
        return builder(command, log).start();
    }

    private static ProcessBuilder builder(List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TCP_NODELAY", "1");
        return builder;
    }
}
