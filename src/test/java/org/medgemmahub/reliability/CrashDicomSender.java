package org.medgemmahub.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.dicom.net.ProposedContexts;

/**
 * Pushes crash-test series over the hub's DICOM port as a PACS does, one association per series, remembering which
 * C-STORE was answered 0x0000; whatever was not is the PACS's to resend after the restart. The pushing is paced by
 * another sender's progress, so the instances spread over the whole burst and a kill lands in the middle of them.
 */
final class CrashDicomSender {
    private static final int SUCCESS = 0x0000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final List<CrashSeries.Series> series;
    private final List<Part10Input> instances = new ArrayList<>();
    private final AtomicIntegerArray stored;
    private final AtomicInteger acknowledged = new AtomicInteger();

    CrashDicomSender(int port, List<CrashSeries.Series> series) {
        this.port = port;
        this.series = series;
        series.forEach(s -> instances.addAll(s.instances()));
        this.stored = new AtomicIntegerArray(instances.size());
    }

    /**
     * Sends every instance in order; instance {@code k} waits until {@code progress} has reached {@code k * span / n}
     * (or {@code killed} says the hub is gone). Returns at the first connection failure: the hub died.
     */
    void sendPaced(IntSupplier progress, int span, BooleanSupplier killed) {
        int k = 0;
        for (CrashSeries.Series one : series) {
            try (DicomClient client = open(one.instances())) {
                for (Part10Input instance : one.instances()) {
                    int due = (int) ((long) k * span / instances.size());
                    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(2))
                            .until(() -> progress.getAsInt() >= due || killed.getAsBoolean());
                    if (client.store(instance) == SUCCESS) {
                        stored.set(k, 1);
                        acknowledged.incrementAndGet();
                    }
                    k++;
                }
                client.release();
            } catch (IOException killedMidAssociation) {
                return;
            }
        }
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Instances of {@code one} that got 0x0000 before the kill. */
    int acknowledgedIn(CrashSeries.Series one) {
        int first = instances.indexOf(one.instances().get(0));
        int n = 0;
        for (int i = first; i < first + one.instances().size(); i++) n += stored.get(i);
        return n;
    }

    /** After the restart: resends, series by series, every instance without a 0x0000; each must now be stored. */
    int resendUnacknowledged() throws IOException {
        int resent = 0;
        int k = 0;
        for (CrashSeries.Series one : series) {
            List<Part10Input> missing = new ArrayList<>();
            for (Part10Input instance : one.instances()) {
                if (stored.get(k++) == 0) missing.add(instance);
            }
            if (missing.isEmpty()) continue;
            try (DicomClient client = open(missing)) {
                for (Part10Input instance : missing) {
                    int status = client.store(instance);
                    if (status != SUCCESS) {
                        throw new AssertionError("instance " + instance.sopInstanceUid() + " resent after the restart got status "
                                + Integer.toHexString(status));
                    }
                    resent++;
                }
                client.release();
            }
        }
        return resent;
    }

    private DicomClient open(List<Part10Input> files) throws IOException {
        return DicomClient.open("127.0.0.1", port, "CRASHPACS", "MEDGEMMA", ProposedContexts.forFiles(files), TIMEOUT);
    }
}
