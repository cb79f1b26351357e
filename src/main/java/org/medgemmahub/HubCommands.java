package org.medgemmahub;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The commands the jar runs instead of the hub, by name; {@code help} lists them. */
final class HubCommands {
    private static final Map<String, Supplier<HubCommand>> COMMANDS = new TreeMap<>(Map.ofEntries(
            Map.entry("validate", org.medgemmahub.fhir.ValidateCommand::new)
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
