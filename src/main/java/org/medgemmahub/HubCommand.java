package org.medgemmahub;

/**
 * A command run from the hub's jar instead of the hub itself ({@code java -jar medgemma-hub.jar <name> args...}), for
 * engineers' checks such as sending a DICOM file or validating a FHIR resource. Commands start no Spring context.
 */
public interface HubCommand {

    /** One line for the list printed by {@code help}: arguments and what the command does. */
    String usage();

    /** Runs the command; the return value is the process exit code (0 success, 1 failure, 2 bad arguments). */
    int run(String... args) throws Exception;
}
