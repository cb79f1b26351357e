package org.medgemmahub.support;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Third-party peers for interop tests (DCMTK, GDCM, pydicom). A missing peer skips the test with a printed reason,
 * or fails it when {@code -Dpeers.required=true} (as .ci/run sets it), so no interop test can skip silently in CI.
 */
public final class Peers {
    /** Debian installs pydicom for this interpreter; another python3 earlier on PATH may not see it. */
    public static final String PYTHON = "/usr/bin/python3";

    private Peers() {
    }

    /** Requires executables on the PATH, e.g. {@code requireTools("storescu", "echoscu")}. */
    public static void requireTools(String... tools) {
        for (String tool : tools) {
            require(onPath(tool), tool + " is not installed (Debian package dcmtk / libgdcm-tools)");
        }
    }

    /** Requires one executable on the PATH, naming the Debian package that has it. */
    public static void requireTool(String tool, String debianPackage) {
        require(onPath(tool), tool + " is not installed (Debian package " + debianPackage + ")");
    }

    /** Requires /usr/bin/python3 with pydicom and numpy. */
    public static void requirePydicom() {
        require(pythonImports("pydicom", "numpy"), PYTHON + " with pydicom and numpy is not installed "
                + "(Debian packages python3-pydicom python3-numpy)");
    }

    private static void require(boolean present, String reason) {
        if (present) return;
        if (Boolean.getBoolean("peers.required")) {
            throw new AssertionError("required peer missing: " + reason);
        }
        System.out.println("SKIPPED (peer missing): " + reason);
        abort(reason);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    private static boolean pythonImports(String... modules) {
        if (!Files.isExecutable(Path.of(PYTHON))) return false;
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
