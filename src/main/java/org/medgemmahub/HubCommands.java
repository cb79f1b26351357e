package org.medgemmahub;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.medgemmahub.simulator.SimulatorCommand;

/** The commands the jar runs instead of the hub, by name; {@code help} lists them. */
final class HubCommands {
    private static final Map<String, Supplier<HubCommand>> COMMANDS = new TreeMap<>(Map.ofEntries(
            Map.entry("dicom-echo", org.medgemmahub.dicom.DicomEchoCommand::new),
            Map.entry("dicom-send", org.medgemmahub.dicom.DicomSendCommand::new),
            Map.entry("dicom-render", org.medgemmahub.dicom.image.DicomRenderCommand::new),
            Map.entry("simulator", SimulatorCommand::new),
            Map.entry("validate", org.medgemmahub.fhir.ValidateCommand::new),
            Map.entry("dead-letters", org.medgemmahub.api.DeadLettersCommand::new)
    ));

    private HubCommands() {
    }

    static Optional<HubCommand> named(String name) {
        return Optional.ofNullable(COMMANDS.get(name)).map(Supplier::get);
    }

    static boolean isHelp(String[] args) {
        return args.length > 0 && Arrays.asList("help", "--help", "-h").contains(args[0]);
    }

    static void printHelp(PrintStream out) {
        out.println("usage: java -jar medgemma-hub.jar [command args...]   (no command: run the hub)");
        COMMANDS.forEach((name, command) -> out.printf("  %-14s %s%n", name, command.get().usage()));
    }
}
