package org.medgemmahub.dicom.net;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.medgemmahub.dicom.data.Part10FileWriter;

/** A Storage SCP on a free port of 127.0.0.1 with a recording handler, for tests of the DICOM layer. */
final class TestScp implements AutoCloseable {
    static final String AE = "MEDGEMMA";
    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    final List<ReceivedInstance> received = new CopyOnWriteArrayList<>();
    final InstanceSpool spool;
    final StorageScp scp;
    volatile int answer = Status.SUCCESS;

    TestScp(Path spoolDir, ScpSettings settings) throws IOException {
        this(spoolDir, settings, Long.MAX_VALUE);
    }

    TestScp(Path spoolDir, ScpSettings settings, long maxInstanceSize) throws IOException {
        spool = new InstanceSpool(spoolDir, SpoolSync.FSYNC, maxInstanceSize);
        scp = new StorageScp(settings, spool, instance -> {
            received.add(instance);
            return answer;
        });
        scp.start("127.0.0.1", 0);
    }

    static ScpSettings settings(int maxPduLength, Duration idleTimeout, int maxAssociations, Set<String> allowed) {
        return new ScpSettings(AE, allowed, maxPduLength, Duration.ofSeconds(5), idleTimeout, maxAssociations);
    }

    int port() {
        return scp.localPort();
    }

    DicomClient client(String callingAe, List<PresentationContext> contexts) throws IOException {
        return DicomClient.open("127.0.0.1", port(), callingAe, AE, contexts, Duration.ofSeconds(10));
    }

    /** A Part 10 file whose "data set" is {@code length} pseudo-random bytes (the SCP never parses it). */
    static Path part10File(Path dir, String sopInstanceUid, int length) throws IOException {
        byte[] dataSet = new byte[length];
        new Random(length).nextBytes(dataSet);
        Path file = dir.resolve(sopInstanceUid + ".dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            Part10FileWriter.write(out, SECONDARY_CAPTURE, sopInstanceUid, EXPLICIT_LE, "TEST", new java.io.ByteArrayInputStream(dataSet));
        }
        return file;
    }

    static byte[] dataSetOf(Path file) throws IOException {
        try (var in = Part10Input.read(file).openDataSet()) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        scp.close();
    }
}
