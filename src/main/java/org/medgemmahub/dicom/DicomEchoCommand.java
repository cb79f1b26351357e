package org.medgemmahub.dicom;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.medgemmahub.HubCommand;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.dicom.net.Status;

/** {@code dicom-echo [-aet AET] [-aec AEC] host port}: C-ECHO a DICOM peer and print the status. */
public class DicomEchoCommand implements HubCommand {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PrintStream out;
    private final Map<String, String> environment;

    public DicomEchoCommand() {
        this(System.out, System.getenv());
    }

    DicomEchoCommand(PrintStream out) {
        this(out, System.getenv());
    }

    /** {@code environment} holds the store passwords ({@link ScuArguments#TRUST_STORE_PASSWORD}, ...). */
    DicomEchoCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    @Override
    public String usage() {
        return ScuArguments.OPTIONS + " host port   C-ECHO a DICOM peer (Verification)";
    }

    @Override
    public int run(String... args) {
        ScuArguments arguments;
        try {
            arguments = ScuArguments.parse(environment, args);
        } catch (IllegalArgumentException e) {
            out.println("dicom-echo: " + e.getMessage());
            out.println("usage: dicom-echo " + usage());
            return 2;
        }
        try (DicomClient client = DicomClient.open(arguments.host(), arguments.port(), arguments.callingAe(), arguments.calledAe(),
                List.of(ProposedContexts.verification(1)), TIMEOUT, arguments.tls())) {
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
