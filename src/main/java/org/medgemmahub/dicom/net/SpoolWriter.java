package org.medgemmahub.dicom.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.medgemmahub.dicom.data.Part10FileWriter;

/**
 * One instance being received into the spool: the Part 10 header is written first, then each data set fragment as it
 * arrives. {@link #commit()} fsyncs the file, moves it into place atomically and marks it pending; {@link #abandon()}
 * removes the partial file.
 */
public final class SpoolWriter implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final InstanceSpool spool;
    private final Path part;
    private final Path target;
    private final ReceivedInstance announced;
    private final OutputStream out;
    private boolean done;

    SpoolWriter(InstanceSpool spool, Path part, Path target, ReceivedInstance announced) throws IOException {
        this.spool = spool;
        this.part = part;
        this.target = target;
        this.announced = announced;
        this.out = new BufferedOutputStream(Files.newOutputStream(part), BUFFER);
        try {
            Part10FileWriter.writeHeader(out, announced.sopClassUid(), announced.sopInstanceUid(), announced.transferSyntaxUid(),
                    announced.callingAeTitle());
        } catch (IOException e) {
            abandon();
            throw e;
        }
    }

    public void write(byte[] fragment) throws IOException {
        out.write(fragment);
    }

    /** Makes the instance durable in its final place; returns it with its spool path. */
    public ReceivedInstance commit() throws IOException {
        try {
            out.close();
            InstanceSpool.forceFile(part);
            Files.createDirectories(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            InstanceSpool.forceDirectory(target.getParent());
            ReceivedInstance stored = new ReceivedInstance(announced.sopClassUid(), announced.sopInstanceUid(),
                    announced.transferSyntaxUid(), announced.callingAeTitle(), announced.calledAeTitle(), announced.remoteAddress(), target);
            spool.markPending(stored);
            done = true;
            return stored;
        } finally {
            if (!done) abandon();
        }
    }

    /** Drops the partial file (association aborted, spool failure). */
    public void abandon() {
        done = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted next
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // cleared at the next start-up
        }
    }

    @Override
    public void close() {
        if (!done) abandon();
    }
}
