package org.medgemmahub.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a third-party command-line tool (DCMTK, GDCM) with a timeout and returns its output, or fails with it. */
public final class ExternalTool {
    private ExternalTool() {
    }

    /** Runs {@code command}; throws with the tool's output when it exits non-zero or takes over a minute. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + text.strip());
        }
        return text;
    }

    public static String run(List<String> command) throws IOException, InterruptedException {
        return run(command.toArray(String[]::new));
    }
}
