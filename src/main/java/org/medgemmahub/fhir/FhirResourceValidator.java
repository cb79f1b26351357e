package org.medgemmahub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Validates what the hub writes against R4 and the conformance resources in {@code fhir-profiles/} (packaged on the
 * classpath), which come first in the chain so their newer terminology (AIAST) wins over the bundled R4 copy.
 */
@Component("fhirResourceValidator")
public class FhirResourceValidator {
    private static final Logger log = LoggerFactory.getLogger(FhirResourceValidator.class);
    private static final String PROFILES = "classpath*:fhir-profiles/**/*.json";

    private final FhirValidator validator;

    @Autowired
    public FhirResourceValidator(FhirContext fhirContext) throws IOException {
        this(fhirContext, List.of());
    }

    /**
     * The same chain, without Spring (the {@code validate} command), with the conformance resources (JSON) in
     * {@code extraProfileDirs} loaded next to the packaged ones; a resource with the same URL in an extra folder wins.
     */
    public FhirResourceValidator(FhirContext fhirContext, List<Path> extraProfileDirs) throws IOException {
        PrePopulatedValidationSupport hubResources = new PrePopulatedValidationSupport(fhirContext);
        List<Resource> files = new ArrayList<>(List.of(new PathMatchingResourcePatternResolver().getResources(PROFILES)));
        for (Path dir : extraProfileDirs) {
            try (Stream<Path> found = Files.walk(dir)) {
                found.filter(path -> path.toString().endsWith(".json")).sorted().forEach(path -> files.add(new FileSystemResource(path)));
            }
        }
        int loaded = 0;
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                IBaseResource resource = fhirContext.newJsonParser()
                        .parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                hubResources.addResource(resource);
                loaded++;
            }
        }
        ValidationSupportChain chain = new ValidationSupportChain(
                hubResources,
                new DefaultProfileValidationSupport(fhirContext),
                new CommonCodeSystemsTerminologyService(fhirContext),
                new InMemoryTerminologyServerValidationSupport(fhirContext),
                new SnapshotGeneratingValidationSupport(fhirContext));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        this.validator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
        log.info("FHIR validator built with {} conformance resources from fhir-profiles/", loaded);
    }

    /** Loads the R4 definitions (several seconds) in the background, so the first result is not held up by it. */
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        Thread warmUp = new Thread(() -> {
            problems(new Observation().setStatus(Observation.ObservationStatus.PRELIMINARY));
            log.info("FHIR validator warmed up");
        }, "fhir-validator-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** The bundle, unchanged, when no entry has an error or fatal issue; else {@link FhirResourceInvalidException}. */
    public Bundle requireValid(Bundle bundle) {
        List<String> problems = problems(bundle);
        if (!problems.isEmpty()) throw new FhirResourceInvalidException(problems);
        return bundle;
    }

    /** Every issue, errors to information, each as {@code SEVERITY location: message}; for engineers (the validate command). */
    public List<String> issues(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .map(m -> m.getSeverity().name() + " " + describe(m))
                .toList();
    }

    /** Errors and fatal issues, each as {@code location: message}; empty when valid. */
    public List<String> problems(IBaseResource resource) {
        ValidationResult result = validator.validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirResourceValidator::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }
}
