package org.medgemmahub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ValidateCommand command = new ValidateCommand(new PrintStream(output, true, StandardCharsets.UTF_8));

    @Test
    void printsNoErrorForAHubObservationAndTheValidatorsMessagesForOneWithoutSubject() throws Exception {
        Observation valid = (Observation) new ObservationBundleBuilder()
                .build(ObservationBundleBuilderTest.request(), ObservationBundleBuilderTest.parsedResult()).getEntry().get(1).getResource();
        valid.getDevice().setReference("Device/model");
        Observation broken = valid.copy().setSubject(null);
        Path validFile = dir.resolve("valid.json");
        Path brokenFile = dir.resolve("broken.xml");
        Files.writeString(validFile, FhirContext.forR4Cached().newJsonParser().encodeResourceToString(valid));
        Files.writeString(brokenFile, FhirContext.forR4Cached().newXmlParser().encodeResourceToString(broken));

        int exit = command.run(validFile.toString(), brokenFile.toString());

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(printed).contains(validFile + ": Observation, valid");
        assertThat(printed).contains(brokenFile + ": Observation, ").containsPattern("ERROR Observation[^\\n]*Observation.subject");
    }

    @Test
    void answersUsageWithExitCode2WithoutAFile() throws Exception {
        assertThat(command.run()).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("usage: validate");
    }

    @Test
    void reportsAFileThatIsNotFhir() throws Exception {
        Path file = dir.resolve("junk.json");
        Files.writeString(file, "{\"hello\": 1}");

        assertThat(command.run(file.toString())).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("FATAL not a FHIR resource");
    }
}
