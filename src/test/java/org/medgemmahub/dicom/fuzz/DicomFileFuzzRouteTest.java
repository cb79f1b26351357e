package org.medgemmahub.dicom.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.HubApplication;
import org.medgemmahub.dicom.DicomProperties;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.Part10FileWriter;
import org.medgemmahub.dicom.data.TransferSyntax;
import org.medgemmahub.dicom.image.DicomImageRenderer;
import org.medgemmahub.dicom.image.RenderOptions;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.dicom.net.PresentationContext;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.dicom.net.Status;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Seeded DICOM fuzzing of the whole hub over a real association: every mutated instance (see {@link DicomFileMutator})
 * gets a C-STORE response, or the association is aborted by the SCP (then a new one carries on). Success is allowed
 * only for an instance the hub can render, except a compressed one whose codestream is damaged (the hub does not decode
 * at intake; counted as "codestream corrupt"); every other answer is a failure status (0xA7xx, 0xA9xx, 0xCxxx). No case
 * hangs, no thread dies, no ERROR is logged, the heap does not grow, and a valid instance is still stored at the end.
 * 1,000 cases by default, 50 per association; {@code -Dfuzz.dicom.cases=N} for the long run, {@code -Dfuzz.seed=N} to replay.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DicomFileFuzzRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    private static final int CASES = Integer.getInteger("fuzz.dicom.cases", 1000);
    private static final long SEED = Long.getLong("fuzz.seed", 7_2026L);
    private static final int PER_ASSOCIATION = 50;
    /** Longer than any answer can take; a case reaching it is a hang. */
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(20);
    /** Far below what one mutated length could make a parser allocate (0xFFFFFFF0 bytes), above the queue's own growth. */
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;

    @DynamicPropertySource
    static void hubWithoutModelCalls(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medgemma.enabled", () -> "false");
    }

    @Autowired CamelContext camel;
    @Autowired DicomProperties dicom;
    @TempDir Path files;
    private final DicomImageRenderer renderer = new DicomImageRenderer();

    @Test
    void answersEveryCorruptInstanceWithAStatusOrAnAbortAndStillStoresAValidOneAfterwards() throws Exception {
        camel.getRouteController().stopRoute("dicom-series");
        Listening.awaitPort(HUB.dicomPort);
        DicomFileMutator mutator = new DicomFileMutator(SEED, DicomSamples.all());
        List<PresentationContext> contexts = contexts(mutator.sopClasses());
        assertThat(storeValidSample(contexts, "2.25.1" + SEED + "0")).isEqualTo(Status.SUCCESS);
        // the FHIR validator loads the R4 definitions (~100 MB) in the background after start-up: not growth caused here
        await().atMost(Duration.ofMinutes(2)).until(() -> HubHealthWatch.threadsNamed("fhir-validator-warm-up") == 0);
        long heapBefore = HubHealthWatch.usedHeapAfterGc();
        long threadsBefore = HubHealthWatch.threadsNamed("dicom-association-"); // this hub's (at most its limit) and others'

        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Map<String, Integer>> outcomesByKind = new TreeMap<>();
        List<String> storedButUnusable = new ArrayList<>();
        long started = System.nanoTime();
        long storeNanos = 0;

        try (HubHealthWatch watch = new HubHealthWatch()) {
            DicomClient client = open(contexts);
            try {
                for (int i = 0; i < CASES; i++) {
                    DicomFileMutator.Case fuzzed = mutator.next();
                    Part10Input file = write(fuzzed);
                    String outcome;
                    long sent = System.nanoTime();
                    try {
                        int status = client.store(file);
                        assertThat(answeredPerProtocol(status)).as("status %s for fuzz case %d (%s of %s, seed %d)",
                                Status.hex(status), i, fuzzed.kind(), fuzzed.sample(), SEED).isTrue();
                        outcome = Status.hex(status);
                        storeNanos += System.nanoTime() - sent;
                        if (status == Status.SUCCESS && !renders(file.file())) {
                            boolean compressed = TransferSyntax.of(fuzzed.transferSyntaxUid()).orElseThrow().encapsulated();
                            if (compressed) outcome = "0x0000, codestream corrupt";
                            else storedButUnusable.add(i + " " + fuzzed.kind() + " " + fuzzed.sample());
                        }
                    } catch (SocketTimeoutException hang) {
                        throw new AssertionError("fuzz case " + i + " (" + fuzzed.kind() + ", seed " + SEED + ") got no answer within "
                                + CASE_TIMEOUT, hang);
                    } catch (IOException aborted) {
                        outcome = "aborted";
                        client.close();
                        client = open(contexts);
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                    outcomesByKind.computeIfAbsent(fuzzed.kind(), k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
                    if ((i + 1) % PER_ASSOCIATION == 0) {
                        client.release();
                        client.close();
                        client = open(contexts);
                    }
                }
                client.release();
            } finally {
                client.close();
            }
            assertThat(storeValidSample(contexts, mutator.uniqueUid(CASES))).as("a valid instance after the fuzzing").isEqualTo(Status.SUCCESS);
            assertThat(watch.problems()).as("errors in the hub while fuzzing (seed %d)", SEED).isEmpty();
        }

        long heapGrowth = HubHealthWatch.usedHeapAfterGc() - heapBefore;
        long associationThreads = HubHealthWatch.threadsNamed("dicom-association-") - threadsBefore;
        System.out.printf("DICOM file fuzz: %d cases (seed %d) in %d s (%d s storing), outcomes %s, by kind %s, heap growth %d MB, "
                        + "%d association threads more, listener still serving%n", CASES, SEED, (System.nanoTime() - started) / 1_000_000_000L, storeNanos / 1_000_000_000L,
                outcomes, outcomesByKind, heapGrowth >> 20, associationThreads);
        assertThat(storedButUnusable).as("instances answered 0x0000 that cannot be rendered").isEmpty();
        assertThat(heapGrowth).as("heap growth over the run").isLessThan(HEAP_GROWTH_LIMIT);
        assertThat(associationThreads).as("association threads added").isLessThanOrEqualTo(dicom.maxAssociations());
        int failures = outcomes.entrySet().stream().filter(e -> !e.getKey().startsWith(Status.hex(Status.SUCCESS)))
                .mapToInt(Map.Entry::getValue).sum();
        assertThat(failures).as("most mutations are refused").isGreaterThan(CASES / 2);
        assertThat(outcomes.get(Status.hex(Status.SUCCESS))).as("controls and harmless flips are stored").isPositive();
    }

    /** Success, warning, or a failure of the C-STORE classes (PS3.4 B.2.3: 0xA7xx, 0xA9xx, 0xCxxx). */
    private static boolean answeredPerProtocol(int status) {
        return status == Status.SUCCESS || (status & 0xFF00) == 0xA700 || (status & 0xFF00) == 0xA900 || (status & 0xF000) == 0xC000;
    }

    private boolean renders(Path file) {
        try {
            renderer.render(DicomFile.read(file), RenderOptions.defaults());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private Part10Input write(DicomFileMutator.Case fuzzed) throws IOException {
        Path file = files.resolve("fuzzed.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            Part10FileWriter.write(out, fuzzed.sopClassUid(), fuzzed.sopInstanceUid(), fuzzed.transferSyntaxUid(), "FUZZ",
                    new ByteArrayInputStream(fuzzed.dataSet()));
        }
        return Part10Input.read(file);
    }

    private int storeValidSample(List<PresentationContext> contexts, String sopInstanceUid) throws IOException {
        Part10Input sample = Part10Input.read(DicomSamples.named("sc-gray-8bit-no-window.dcm"));
        Path file = files.resolve("valid.dcm");
        try (OutputStream out = Files.newOutputStream(file); var dataSet = sample.openDataSet()) {
            Part10FileWriter.write(out, sample.sopClassUid(), sopInstanceUid, sample.transferSyntaxUid(), "FUZZ", dataSet);
        }
        try (DicomClient client = open(contexts)) {
            int status = client.store(Part10Input.read(file));
            client.release();
            return status;
        }
    }

    private static DicomClient open(List<PresentationContext> contexts) throws IOException {
        return DicomClient.open("127.0.0.1", HUB.dicomPort, "FUZZER", "MEDGEMMA", contexts, CASE_TIMEOUT);
    }

    /** Verification, then every SOP class in each transfer syntax a case may declare, one syntax per context. */
    private static List<PresentationContext> contexts(List<String> sopClasses) {
        List<PresentationContext> contexts = new ArrayList<>(List.of(ProposedContexts.verification(1)));
        List<String> syntaxes = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(),
                TransferSyntax.JPEG_BASELINE.uid(), TransferSyntax.JPEG_LOSSLESS_SV1.uid());
        for (String sopClass : sopClasses) {
            for (String syntax : syntaxes) contexts.add(new PresentationContext(2 * contexts.size() + 1, sopClass, List.of(syntax)));
        }
        return contexts;
    }
}
