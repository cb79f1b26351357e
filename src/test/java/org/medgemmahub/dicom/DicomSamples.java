package org.medgemmahub.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The generated samples in {@code dicom-samples/} (see its generate.py), by name. */
public final class DicomSamples {
    public static final Path FOLDER = Path.of("dicom-samples");

    private DicomSamples() {
    }

    public static Path named(String name) {
        Path path = name.startsWith("ct-slice-") ? FOLDER.resolve("ct-chest").resolve(name) : FOLDER.resolve(name);
        if (!Files.isRegularFile(path)) throw new IllegalStateException("missing sample " + path);
        return path;
    }

    /** Every sample file, sorted by path. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
