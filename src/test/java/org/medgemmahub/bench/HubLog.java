package org.medgemmahub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.medgemmahub.support.HubJvm;

/** Waiting for a line in a benchmarked hub's log: the only view the harness has into another process's progress. */
final class HubLog {
    /** The FHIR validator loads the R4 definitions in the background after start-up (seconds of CPU). */
    static final String VALIDATOR_READY = "FHIR validator warmed up";
    private static final Duration VALIDATOR_WARM_UP = Duration.ofMinutes(3);

    private HubLog() {
    }

    /** Waits until the validator has warmed up, so its loading does not share the CPU with what is measured. */
    static void awaitValidatorWarmUp(HubJvm hub) throws IOException, InterruptedException {
        await(hub, VALIDATOR_READY, 1, VALIDATOR_WARM_UP);
    }

    /** Waits until the hub's log holds {@code text} at least {@code times} times. */
    static void await(HubJvm hub, String text, int times, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && hub.isAlive()) {
            if (occurrences(new String(Files.readAllBytes(hub.log()), StandardCharsets.ISO_8859_1), text) >= times) return;
            Thread.sleep(20); // polling another process's progress
        }
        throw new IllegalStateException(times + " x '" + text + "' not in the hub's log within " + timeout + "; see " + hub.log());
    }

    private static int occurrences(String log, String text) {
        int found = 0;
        for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) found++;
        return found;
    }
}
