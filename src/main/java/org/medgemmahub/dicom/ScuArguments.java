package org.medgemmahub.dicom;

import java.util.ArrayList;
import java.util.List;

/** Command-line arguments of dicom-echo and dicom-send: {@code [-aet AET] [-aec AEC] host port [more...]}. */
record ScuArguments(String callingAe, String calledAe, String host, int port, List<String> rest) {
    static final String DEFAULT_CALLING_AE = "MEDGEMMA_SCU";
    static final String DEFAULT_CALLED_AE = "MEDGEMMA";

    /** Parses the arguments; {@link IllegalArgumentException} with a message for the user when they are wrong. */
    static ScuArguments parse(String... args) {
        String callingAe = DEFAULT_CALLING_AE;
        String calledAe = DEFAULT_CALLED_AE;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-aet" -> callingAe = aeTitle(args, ++i);
                case "-aec" -> calledAe = aeTitle(args, ++i);
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
        return new ScuArguments(callingAe, calledAe, positional.get(0), port, List.copyOf(positional.subList(2, positional.size())));
    }

    private static String aeTitle(String[] args, int index) {
        if (index >= args.length) throw new IllegalArgumentException(args[index - 1] + " needs an AE title");
        String title = args[index];
        if (title.isBlank() || title.length() > 16) throw new IllegalArgumentException("AE title must be 1 to 16 characters: " + title);
        return title;
    }
}
