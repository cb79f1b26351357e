package org.medgemmahub.fhir.embedded;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The store's files. {@code <Type>/<id>.json} holds the current version of a resource, {@code <Type>/_history/<id>_<version>.json}
 * every version (ids cannot contain '_', so the name is unambiguous). A file is written to a temporary file beside it, forced
 * to disk and then moved over the old one, so a crash leaves either the old or the new content, never a mix.
 */
final class ResourceFiles {
    private static final String HISTORY = "_history";
    private static final String JSON = ".json";
    private static final String TEMP = ".tmp";
    // Windows cannot open a directory as a channel; there a completed move is as durable as the platform offers.
    private static final boolean DIRECTORY_FSYNC = !System.getProperty("os.name", "").startsWith("Windows");

    private final Path root;
    private final FhirContext fhirContext;

    ResourceFiles(Path root, FhirContext fhirContext) {
        this.root = root.toAbsolutePath();
        this.fhirContext = fhirContext;
    }

    Path root() {
        return root;
    }

    /** The current version of every stored resource of the given types; removes temporary files a crash left behind. */
    List<Resource> loadCurrent(Collection<String> resourceTypes) throws IOException {
        List<Resource> loaded = new ArrayList<>();
        for (String type : resourceTypes) {
            Path dir = root.resolve(type);
            if (!Files.isDirectory(dir))
                continue;
            deleteTemporaryFiles(dir);
            deleteTemporaryFiles(dir.resolve(HISTORY));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(JSON)).sorted().toList())
                    loaded.add(parse(file, type, idOf(file)));
            }
        }
        return loaded;
    }

    Optional<Resource> readVersion(String type, String id, String version) throws IOException {
        Path file = historyFile(type, id, version);
        return Files.isRegularFile(file) ? Optional.of(parse(file, type, id)) : Optional.empty();
    }

    /**
     * Writes each resource as a history entry and as its type's current version, in list order (a later version of the same
     * resource wins), and returns once every file and directory entry is on disk.
     */
    void save(List<Resource> resources) throws IOException {
        List<PendingMove> moves = new ArrayList<>();
        Set<Path> directories = new LinkedHashSet<>();
        try {
            for (Resource resource : resources) {
                String type = resource.fhirType();
                String id = resource.getIdElement().getIdPart();
                byte[] json = encode(resource);
                moves.add(writeTemporary(historyFile(type, id, resource.getMeta().getVersionId()), json, directories));
                moves.add(writeTemporary(currentFile(type, id), json, directories));
            }
            for (PendingMove move : moves) {
                Files.move(move.temporary(), move.target(), ATOMIC_MOVE, REPLACE_EXISTING);
                move.done = true;
            }
        } finally {
            for (PendingMove move : moves)
                if (!move.done)
                    Files.deleteIfExists(move.temporary());
        }
        for (Path directory : directories)
            forceDirectory(directory);
    }

    private PendingMove writeTemporary(Path target, byte[] content, Set<Path> directories) throws IOException {
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            for (Path created = directory; !Files.isDirectory(created); created = created.getParent())
                directories.add(created.getParent());
            Files.createDirectories(directory);
        }
        directories.add(directory);
        Path temporary = Files.createTempFile(directory, "write-", TEMP);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining())
                channel.write(buffer);
            channel.force(true);
        }
        return new PendingMove(temporary, target);
    }

    private static void forceDirectory(Path directory) throws IOException {
        if (!DIRECTORY_FSYNC)
            return;
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private Resource parse(Path file, String type, String id) throws IOException {
        IBaseResource parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parsed = fhirContext.newJsonParser().parseResource(reader);
        } catch (DataFormatException e) {
            throw new IOException("FHIR-EMB-STORE-CORRUPT: " + file + " is not a FHIR JSON resource: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Resource resource) || !type.equals(resource.fhirType()))
            throw new IOException("FHIR-EMB-STORE-CORRUPT: " + file + " does not hold a " + type);
        resource.setId(new IdType(type, id, resource.getMeta().getVersionId()));
        return resource;
    }

    private byte[] encode(Resource resource) {
        return fhirContext.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
    }

    private Path currentFile(String type, String id) {
        return root.resolve(type).resolve(id + JSON);
    }

    private Path historyFile(String type, String id, String version) {
        return root.resolve(type).resolve(HISTORY).resolve(id + "_" + version + JSON);
    }

    private static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - JSON.length());
    }

    private static void deleteTemporaryFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory))
            return;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TEMP)).toList())
                Files.deleteIfExists(file);
        }
    }

    private static final class PendingMove {
        private final Path temporary;
        private final Path target;
        private boolean done;

        PendingMove(Path temporary, Path target) {
            this.temporary = temporary;
            this.target = target;
        }

        Path temporary() {
            return temporary;
        }

        Path target() {
            return target;
        }
    }
}
