package org.medgemmahub.dicom.net;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The on-disk spool of received instances. Layout under the root:
 * <pre>
 * tmp/&lt;random&gt;.part                               being received; removed on failure and at start-up
 * incoming/&lt;calling AE&gt;/&lt;SOP Instance UID&gt;.dcm      the Part 10 file, fsynced, moved into place atomically
 * incoming/&lt;calling AE&gt;/&lt;SOP Instance UID&gt;.pending  written with it; removed once the instance is handed off
 * </pre>
 * An instance with a {@code .pending} marker was stored but not (known to be) handed off: {@link #pending()} lists
 * them for recovery after a restart. The calling AE directory name keeps letters, digits, '-', '_' and '.'.
 */
public final class InstanceSpool {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final String PENDING = ".pending";

    private final Path tmp;
    private final Path incoming;

    public InstanceSpool(Path root) {
        this.tmp = root.resolve("tmp");
        this.incoming = root.resolve("incoming");
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
        return new SpoolWriter(this, part, target, announced);
    }

    /** Called by {@link SpoolWriter#commit()}: records the instance as stored but not yet handed off. */
    void markPending(ReceivedInstance instance) throws IOException {
        Path marker = pendingMarker(instance.file());
        Path part = tmp.resolve(UUID.randomUUID() + PENDING);
        Properties properties = new Properties();
        properties.setProperty("sopClassUid", instance.sopClassUid());
        properties.setProperty("sopInstanceUid", instance.sopInstanceUid());
        properties.setProperty("transferSyntaxUid", instance.transferSyntaxUid());
        properties.setProperty("callingAeTitle", instance.callingAeTitle());
        properties.setProperty("calledAeTitle", instance.calledAeTitle());
        properties.setProperty("remoteAddress", instance.remoteAddress());
        try (Writer writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        forceFile(part);
        Files.move(part, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(marker.getParent());
    }

    /** The instance is handed off (queued): it is no longer recovered at start-up. The file stays for later stages. */
    public void handedOff(ReceivedInstance instance) throws IOException {
        Files.deleteIfExists(pendingMarker(instance.file()));
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
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                found.add(new ReceivedInstance(properties.getProperty("sopClassUid"), properties.getProperty("sopInstanceUid"),
                        properties.getProperty("transferSyntaxUid"), properties.getProperty("callingAeTitle"),
                        properties.getProperty("calledAeTitle"), properties.getProperty("remoteAddress"), file));
            }
        }
        return found;
    }

    static void forceFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
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
        String cleaned = aeTitle == null ? "" : aeTitle.trim().replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "_" : cleaned;
    }
}
