package org.medgemmahub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.medgemmahub.support.Peers;

/**
 * The DICOM benchmark corpus, made at run time by bench/dicom-corpus.py in a temporary folder (never committed) and
 * deleted afterwards: CT slices and large CR images to push with storescu, and one file per rendering case.
 */
record DicomCorpus(Path root) implements AutoCloseable {

    /** @param copies intake copies, the same pixels under new UIDs (a re-sent instance is a duplicate to the hub) */
    static DicomCorpus generate(int ctSlices, int crImages, int copies) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("medgemma-bench-dicom");
        ExternalCommand.run(List.of(Peers.PYTHON, Path.of("bench", "dicom-corpus.py").toString(), root.toString(),
                String.valueOf(ctSlices), String.valueOf(crImages), String.valueOf(copies)), root.resolve("generate.log"));
        return new DicomCorpus(root);
    }

    /** The folder of intake copy {@code copy} (1-based): ct/ and cr/. */
    Path intake(int copy) {
        return root.resolve("intake").resolve(String.valueOf(copy));
    }

    Path render(String name) {
        return root.resolve("render").resolve(name);
    }

    /** Instances in one intake copy. */
    int intakeInstances() throws IOException {
        return intakeFiles().size();
    }

    /** Bytes of the files of one intake copy. */
    long intakeBytes() throws IOException {
        long total = 0;
        for (Path file : intakeFiles()) total += Files.size(file);
        return total;
    }

    private List<Path> intakeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(intake(1))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Override
    public void close() throws IOException {
        deleteTree(root);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
