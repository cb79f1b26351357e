package org.medgemmahub.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medgemmahub.security.TlsSettings;

/**
 * Command-line arguments of dicom-echo and dicom-send:
 * {@code [-aet AET] [-aec AEC] [-tls] [-trust-store FILE] [-key-store FILE] host port [more...]}. TLS is on with
 * {@code -tls} or either store; the store passwords come from the environment ({@value #TRUST_STORE_PASSWORD},
 * {@value #KEY_STORE_PASSWORD}, the hub's own names), never from the command line.
 */
record ScuArguments(String callingAe, String calledAe, String host, int port, List<String> rest, TlsSettings tls) {
    static final String DEFAULT_CALLING_AE = "MEDGEMMA_SCU";
    static final String DEFAULT_CALLED_AE = "MEDGEMMA";
    static final String TRUST_STORE_PASSWORD = "HUB_DICOM_TLS_TRUST_STORE_PASSWORD";
    static final String KEY_STORE_PASSWORD = "HUB_DICOM_TLS_KEY_STORE_PASSWORD";
    static final String OPTIONS = "[-aet AET] [-aec AEC] [-tls] [-trust-store FILE] [-key-store FILE]";

    /** Parses the arguments, passwords from the process environment. */
    static ScuArguments parse(String... args) {
        return parse(System.getenv(), args);
    }

    /** Parses the arguments; {@link IllegalArgumentException} with a message for the user when they are wrong. */
    static ScuArguments parse(Map<String, String> environment, String... args) {
        String callingAe = DEFAULT_CALLING_AE;
        String calledAe = DEFAULT_CALLED_AE;
        boolean tls = false;
        Path trustStore = null;
        Path keyStore = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-aet" -> callingAe = aeTitle(args, ++i);
                case "-aec" -> calledAe = aeTitle(args, ++i);
                case "-tls" -> tls = true;
                case "-trust-store" -> trustStore = file(args, ++i);
                case "-key-store" -> keyStore = file(args, ++i);
                default -> positional.add(args[i]);
            }
        }
        if (positional.size() < 2) throw new IllegalArgumentException("host and port are required");
        int port;
        try {
            port = Integer.parseInt(positional.get(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number: " + positional.get(1));
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1 to 65535: " + port);
        TlsSettings settings = tls || trustStore != null || keyStore != null
                ? new TlsSettings(true, keyStore, environment.get(KEY_STORE_PASSWORD), null, null, trustStore,
                        environment.get(TRUST_STORE_PASSWORD), null, null, null)
                : TlsSettings.disabled();
        return new ScuArguments(callingAe, calledAe, positional.get(0), port, List.copyOf(positional.subList(2, positional.size())), settings);
    }

    private static Path file(String[] args, int index) {
        if (index >= args.length) throw new IllegalArgumentException(args[index - 1] + " needs a file");
        return Path.of(args[index]);
    }

    private static String aeTitle(String[] args, int index) {
        if (index >= args.length) throw new IllegalArgumentException(args[index - 1] + " needs an AE title");
        String title = args[index];
        if (title.isBlank() || title.length() > 16) throw new IllegalArgumentException("AE title must be 1 to 16 characters: " + title);
        return title;
    }
}
