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
 * arrives, straight to the file (never held in memory); a data set growing past the size limit fails with
 * {@link InstanceTooLargeException}. {@link #commit()} marks the instance pending and moves the file into place
 * atomically, synced as the spool's {@link SpoolSync} says; {@link #abandon()} removes the partial file.
 */
public final class SpoolWriter implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final InstanceSpool spool;
    private final Path part;
    private final Path target;
    private final ReceivedInstance announced;
    private final OutputStream out;
    private final long maxDataSetBytes;
    private long dataSetBytes;
    private boolean done;

    SpoolWriter(InstanceSpool spool, Path part, Path target, ReceivedInstance announced, long maxDataSetBytes) throws IOException {
        this.spool = spool;
        this.maxDataSetBytes = maxDataSetBytes;
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

    /** Appends a data set fragment; past the size limit the fragment is not written and the instance is refused. */
    public void write(byte[] fragment) throws IOException {
        dataSetBytes += fragment.length;
        if (dataSetBytes > maxDataSetBytes) throw new InstanceTooLargeException(maxDataSetBytes);
        out.write(fragment);
    }

    /**
     * Puts the instance in its final place, marked pending; returns it with its spool path. In {@code fsync} mode the
     * file's data is synced first and the directory once after the marker and the move (two syncs in all); in
     * {@code os} mode nothing is synced here.
     */
    public ReceivedInstance commit() throws IOException {
        try {
            out.close();
            boolean fsync = spool.sync() == SpoolSync.FSYNC;
            if (fsync) InstanceSpool.forceFile(part);
            Files.createDirectories(target.getParent());
            ReceivedInstance stored = new ReceivedInstance(announced.sopClassUid(), announced.sopInstanceUid(),
                    announced.transferSyntaxUid(), announced.callingAeTitle(), announced.calledAeTitle(), announced.remoteAddress(), target);
            spool.markPending(stored, target);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (fsync) InstanceSpool.forceDirectory(target.getParent());
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
