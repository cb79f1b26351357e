package org.medgemmahub.dicom;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.medgemmahub.HubCommand;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.dicom.net.Status;

/**
 * {@code dicom-send [-aet AET] [-aec AEC] host port file-or-dir...}: C-STORE Part 10 files (directories recursively) as
 * they are, one line per instance with its status, then a summary; exit 1 if any instance was not stored.
 */
public class DicomSendCommand implements HubCommand {
    /** SOP class / transfer syntax pairs per association (presentation context ids are odd numbers up to 255). */
    private static final int CONTEXTS_PER_ASSOCIATION = 120;

    private final PrintStream out;
    private final Map<String, String> environment;
    private int stored;
    private int failed;

    public DicomSendCommand() {
        this(System.out, System.getenv());
    }

    DicomSendCommand(PrintStream out) {
        this(out, System.getenv());
    }

    /** {@code environment} holds the store passwords ({@link ScuArguments#TRUST_STORE_PASSWORD}, ...). */
    DicomSendCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    @Override
    public String usage() {
        return ScuArguments.OPTIONS + " host port file-or-dir...   C-STORE DICOM files, reporting each status";
    }

    @Override
    public int run(String... args) throws IOException {
        ScuArguments arguments;
        try {
            arguments = ScuArguments.parse(environment, args);
            if (arguments.rest().isEmpty()) throw new IllegalArgumentException("at least one file or directory is required");
        } catch (IllegalArgumentException e) {
            out.println("dicom-send: " + e.getMessage());
            out.println("usage: dicom-send " + usage());
            return 2;
        }
        List<Part10Input> files = readable(arguments.rest());
        for (List<Part10Input> batch : batches(files)) send(arguments, batch);
        out.printf("dicom-send: %d stored, %d failed%n", stored, failed);
        return failed == 0 ? 0 : 1;
    }

    private List<Part10Input> readable(List<String> paths) throws IOException {
        List<Part10Input> inputs = new ArrayList<>();
        for (String name : paths) {
            Path path = Path.of(name);
            if (!Files.exists(path)) {
                fail(path, "no such file or directory");
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    try {
                        inputs.add(Part10Input.read(file));
                    } catch (IOException e) {
                        fail(file, e.getMessage());
                    }
                }
            }
        }
        return inputs;
    }

    /** Files grouped so that each association needs at most {@link #CONTEXTS_PER_ASSOCIATION} presentation contexts. */
    private static List<List<Part10Input>> batches(List<Part10Input> files) {
        List<List<Part10Input>> batches = new ArrayList<>();
        List<Part10Input> current = new ArrayList<>();
        Set<String> pairs = new LinkedHashSet<>();
        for (Part10Input file : files) {
            String pair = file.sopClassUid() + "|" + file.transferSyntaxUid();
            if (!pairs.contains(pair) && pairs.size() == CONTEXTS_PER_ASSOCIATION) {
                batches.add(current);
                current = new ArrayList<>();
                pairs.clear();
            }
            pairs.add(pair);
            current.add(file);
        }
        if (!current.isEmpty()) batches.add(current);
        return batches;
    }

    private void send(ScuArguments arguments, List<Part10Input> batch) {
        int reported = 0;
        try (DicomClient client = DicomClient.open(arguments.host(), arguments.port(), arguments.callingAe(), arguments.calledAe(),
                ProposedContexts.forFiles(batch), DicomEchoCommand.TIMEOUT, arguments.tls())) {
            for (Part10Input file : batch) {
                if (client.acceptedContext(file.sopClassUid(), file.transferSyntaxUid()).isEmpty()) {
                    fail(file.file(), "no accepted presentation context for SOP class " + file.sopClassUid()
                            + " in transfer syntax " + file.transferSyntaxUid());
                } else {
                    int status = client.store(file);
                    out.printf("%s %s %s%n", Status.hex(status), file.file(), file.sopInstanceUid());
                    if (Status.stored(status)) stored++;
                    else failed++;
                }
                reported++;
            }
            client.release();
        } catch (IOException e) {
            if (reported == batch.size()) out.println("dicom-send: association not released cleanly: " + e.getMessage());
            for (Part10Input file : batch.subList(reported, batch.size())) fail(file.file(), e.getMessage());
        }
    }

    private void fail(Path file, String reason) {
        failed++;
        out.printf("FAILED %s: %s%n", file, reason);
    }
}
