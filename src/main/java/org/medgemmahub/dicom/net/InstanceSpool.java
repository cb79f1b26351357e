package org.medgemmahub.dicom.net;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The on-disk spool of received instances. Layout under the root:
 * <pre>
 * tmp/&lt;random&gt;.part                               being received; removed on failure and at start-up
 * incoming/&lt;calling AE&gt;/&lt;SOP Instance UID&gt;.pending  created just before the file is moved into place
 * incoming/&lt;calling AE&gt;/&lt;SOP Instance UID&gt;.dcm      the Part 10 file, moved into place atomically
 * </pre>
 * The contract with the SCP's answer and with recovery:
 * <ul>
 * <li>An instance is answered success only once its {@code .dcm} and {@code .pending} entries exist, synced to disk
 * as {@link SpoolSync} says (in {@code fsync} mode: the file's data, then one directory sync for both entries).</li>
 * <li>The {@code .pending} marker stays until the instance is durably handed off (queued): whoever queues it calls
 * {@link #handedOff(Path)}. A refused instance loses both entries ({@link #discard}).</li>
 * <li>At start-up every {@code .dcm} with a marker is handed off again ({@link #pending()}); the SOP Instance UID as
 * the queue's duplicate id makes a second hand-off of the same instance a no-op, so each instance is queued once.
 * A marker without its file (a stop between the two) is dropped: that instance was never answered.</li>
 * </ul>
 * The marker holds the instance's ids as properties but is never synced on its own: when its content did not reach
 * the disk, recovery takes the ids from the file's meta information. The calling AE directory name keeps letters,
 * digits, '-', '_' and '.'.
 */
public final class InstanceSpool {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    /** Compiled once: String.replaceAll compiled it again for every instance received. */
    private static final Pattern NOT_IN_FOLDER_NAMES = Pattern.compile("[^A-Za-z0-9._-]");
    private static final String PENDING = ".pending";

    private final Path tmp;
    private final Path incoming;
    private final SpoolSync sync;
    private final long maxInstanceSize;

    /** A spool that forces each instance to disk and takes instances of any size. */
    public InstanceSpool(Path root) {
        this(root, SpoolSync.FSYNC, Long.MAX_VALUE);
    }

    /** @param maxInstanceSize bytes a data set may have; a larger one is refused while it arrives */
    public InstanceSpool(Path root, SpoolSync sync, long maxInstanceSize) {
        if (maxInstanceSize <= 0) throw new IllegalArgumentException("max instance size must be positive: " + maxInstanceSize);
        this.tmp = root.resolve("tmp");
        this.incoming = root.resolve("incoming");
        this.sync = sync;
        this.maxInstanceSize = maxInstanceSize;
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create DICOM spool under " + root, e);
        }
    }

    /** A valid UID (PS3.5 9.1): digits and dots, at most 64 characters; anything else never names a spool file. */
    public static boolean isUid(String value) {
        return value != null && value.length() <= 64 && UID.matcher(value).matches();
    }

    /** Removes partial files left by a crash while receiving. */
    public void clearPartialFiles() throws IOException {
        try (Stream<Path> parts = Files.list(tmp)) {
            for (Path part : parts.toList()) Files.deleteIfExists(part);
        }
    }

    /** Starts a Part 10 file for an instance announced by a C-STORE-RQ; its meta information is written at once. */
    public SpoolWriter begin(ReceivedInstance announced) throws IOException {
        if (!isUid(announced.sopInstanceUid()) || !isUid(announced.sopClassUid())) {
            throw new IllegalArgumentException("not a UID: SOP Class/Instance UID of the C-STORE-RQ");
        }
        Path part = tmp.resolve(UUID.randomUUID() + ".part");
        Path target = incoming.resolve(directoryName(announced.callingAeTitle())).resolve(announced.sopInstanceUid() + ".dcm");
        return new SpoolWriter(this, part, target, announced, maxInstanceSize);
    }

    SpoolSync sync() {
        return sync;
    }

    /**
     * Called by {@link SpoolWriter#commit()} before the file is moved into place: records the instance as stored but
     * not yet handed off. Not synced here: the commit syncs the directory once for the file and its marker.
     */
    void markPending(ReceivedInstance instance, Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("sopClassUid", instance.sopClassUid());
        properties.setProperty("sopInstanceUid", instance.sopInstanceUid());
        properties.setProperty("transferSyntaxUid", instance.transferSyntaxUid());
        properties.setProperty("callingAeTitle", instance.callingAeTitle());
        properties.setProperty("calledAeTitle", instance.calledAeTitle());
        properties.setProperty("remoteAddress", instance.remoteAddress());
        try (Writer writer = Files.newBufferedWriter(pendingMarker(file), StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
    }

    /** The instance is handed off (queued): it is no longer recovered at start-up. The file stays for later stages. */
    public void handedOff(ReceivedInstance instance) throws IOException {
        handedOff(instance.file());
    }

    /** As {@link #handedOff(ReceivedInstance)}, by the spool file's path (what a route knows). */
    public static void handedOff(Path spoolFile) throws IOException {
        Files.deleteIfExists(pendingMarker(spoolFile));
    }

    /**
     * Forces a spooled file and its directory entries to disk: in {@code os} mode, done after the answer and before
     * the instance is queued, so the queue never names a file that a power cut could take back.
     */
    public static void forceToDisk(Path spoolFile) throws IOException {
        forceFile(spoolFile);
        forceDirectory(spoolFile.getParent());
    }

    /** The instance was refused: file and marker are removed; the SCU still owns it. */
    public void discard(ReceivedInstance instance) throws IOException {
        Files.deleteIfExists(pendingMarker(instance.file()));
        Files.deleteIfExists(instance.file());
    }

    /** Instances stored but not handed off, e.g. because the hub stopped in between; their files exist. */
    public List<ReceivedInstance> pending() throws IOException {
        List<ReceivedInstance> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(incoming, 2)) {
            for (Path marker : files.filter(p -> p.getFileName().toString().endsWith(PENDING)).sorted().toList()) {
                Path file = marker.resolveSibling(marker.getFileName().toString().replace(PENDING, ".dcm"));
                if (!Files.exists(file)) {
                    Files.deleteIfExists(marker);
                    continue;
                }
                found.add(recovered(marker, file));
            }
        }
        return found;
    }

    /** The instance a marker names; from the file's meta information when the marker's content was lost. */
    private static ReceivedInstance recovered(Path marker, Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            properties.clear();
        }
        String[] ids = {properties.getProperty("sopClassUid"), properties.getProperty("sopInstanceUid"),
                properties.getProperty("transferSyntaxUid"), properties.getProperty("callingAeTitle")};
        if (Arrays.stream(ids).allMatch(id -> id != null && !id.isBlank())) {
            return new ReceivedInstance(ids[0], ids[1], ids[2], ids[3], properties.getProperty("calledAeTitle", ""),
                    properties.getProperty("remoteAddress", ""), file);
        }
        Part10Input meta = Part10Input.read(file);
        return new ReceivedInstance(meta.sopClassUid(), meta.sopInstanceUid(), meta.transferSyntaxUid(),
                file.getParent().getFileName().toString(), "", "", file);
    }

    /** The file's data and the metadata needed to read it (its size) on disk: fdatasync. */
    static void forceFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        }
    }

    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file itself is synced
        }
    }

    private static Path pendingMarker(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".dcm".length()) + PENDING);
    }

    private static String directoryName(String aeTitle) {
        String cleaned = aeTitle == null ? "" : NOT_IN_FOLDER_NAMES.matcher(aeTitle.trim()).replaceAll("_");
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "_" : cleaned;
    }
}
