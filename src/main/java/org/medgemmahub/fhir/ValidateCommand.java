package org.medgemmahub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medgemmahub.HubCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code validate [--profiles <dir>]... <file>...}: runs the hub's validator (R4 plus fhir-profiles/, the chain the hub uses
 * before it writes) on FHIR JSON or XML files and prints every issue. Exit 0 when no file has an error, 1 otherwise.
 */
public class ValidateCommand implements HubCommand {
    private final PrintStream out;

    public ValidateCommand() {
        this(System.out);
    }

    ValidateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String usage() {
        return "[--profiles <dir>]... <file>...  validate FHIR JSON/XML resources against R4 and the hub's profiles";
    }

    @Override
    public int run(String... args) throws Exception {
        List<Path> profileDirs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--profiles") && i + 1 < args.length) profileDirs.add(Path.of(args[++i]));
            else if (args[i].startsWith("--")) return usageError("unknown option " + args[i]);
            else files.add(Path.of(args[i]));
        }
        if (files.isEmpty()) return usageError("no file given");
        for (Path dir : profileDirs) if (!Files.isDirectory(dir)) return usageError(dir + " is not a directory");
        quietLibraryLogging();
        FhirContext fhirContext = FhirContext.forR4();
        FhirResourceValidator validator = new FhirResourceValidator(fhirContext, profileDirs);
        boolean anyErrors = false;
        for (Path file : files) anyErrors |= !validate(fhirContext, validator, file);
        return anyErrors ? 1 : 0;
    }

    private boolean validate(FhirContext fhirContext, FhirResourceValidator validator, Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            out.println(file + ": ERROR no such file");
            return false;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        IParser parser = text.stripLeading().startsWith("<") ? fhirContext.newXmlParser() : fhirContext.newJsonParser();
        IBaseResource resource;
        try {
            resource = parser.parseResource(text);
        } catch (DataFormatException e) {
            out.println(file + ": FATAL not a FHIR resource: " + e.getMessage());
            return false;
        }
        List<String> issues = validator.issues(resource);
        long errors = issues.stream().filter(issue -> issue.startsWith("ERROR") || issue.startsWith("FATAL")).count();
        out.println(file + ": " + resource.fhirType() + ", " + (errors == 0 ? "valid" : errors + " error(s)") + ", " + issues.size() + " issue(s)");
        issues.forEach(issue -> out.println("  " + issue));
        return errors == 0;
    }

    /** HAPI logs what it loads at INFO and WARN; the command's output is the issues, so only errors are logged. */
    private static void quietLibraryLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root)
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    private int usageError(String problem) {
        out.println("validate: " + problem);
        out.println("usage: validate " + usage());
        return 2;
    }
}
