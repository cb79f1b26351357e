package org.medgemmahub.dicom;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.medgemmahub.HubCommand;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.dicom.net.Status;

/** {@code dicom-echo [-aet AET] [-aec AEC] host port}: C-ECHO a DICOM peer and print the status. */
public class DicomEchoCommand implements HubCommand {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PrintStream out;

    public DicomEchoCommand() {
        this(System.out);
    }

    DicomEchoCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String usage() {
        return "[-aet AET] [-aec AEC] host port   C-ECHO a DICOM peer (Verification)";
    }

    @Override
    public int run(String... args) {
        ScuArguments arguments;
        try {
            arguments = ScuArguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("dicom-echo: " + e.getMessage());
            out.println("usage: dicom-echo " + usage());
            return 2;
        }
        try (DicomClient client = DicomClient.open(arguments.host(), arguments.port(), arguments.callingAe(), arguments.calledAe(),
                List.of(ProposedContexts.verification(1)), TIMEOUT)) {
            int status = client.echo();
            client.release();
            out.println("C-ECHO " + arguments.calledAe() + "@" + arguments.host() + ":" + arguments.port() + " status " + Status.hex(status));
            return status == Status.SUCCESS ? 0 : 1;
        } catch (IOException e) {
            out.println("C-ECHO " + arguments.calledAe() + "@" + arguments.host() + ":" + arguments.port() + " failed: " + e.getMessage());
            return 1;
        }
    }
}
