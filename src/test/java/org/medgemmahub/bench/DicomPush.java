package org.medgemmahub.bench;

import java.nio.file.Path;
import java.util.List;
import org.medgemmahub.support.Listening;

/** Pushing a folder with DCMTK storescu, timed, and waiting for a receiver to listen; shared by the DICOM scenarios. */
final class DicomPush {
    private DicomPush() {
    }

    /** One storescu process, one association, every file of the corpus; @return its wall-clock seconds. */
    static double push(Path folder, String calledAe, int port, Path logDir) throws Exception {
        return ExternalCommand.runDcmtk(List.of("storescu", "-aet", "BENCH", "-aec", calledAe, "-R", "+sd", "+r",
                "127.0.0.1", String.valueOf(port), folder.toString()), logDir.resolve("storescu-" + calledAe + ".log"));
    }

    static void awaitListening(int port, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Listening.accepts(port)) {
            if (!server.isAlive() || System.nanoTime() > deadline) throw new IllegalStateException("storescp did not start");
            Thread.sleep(50); // polling another process's start-up
        }
    }
}
