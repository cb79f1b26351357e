package org.medgemmahub.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medgemmahub.bench.LargeMultiFrameFile;
import org.medgemmahub.pipeline.RequestIds;
import org.medgemmahub.pipeline.SourceKind;
import org.medgemmahub.support.FhirTestClient;
import org.medgemmahub.support.HubJvm;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Peers;

/**
 * A multi-frame object larger than the hub's whole heap, pushed by DCMTK storescu to a hub JVM started with
 * {@value #XMX}: it is streamed to the spool, its header read without its pixels, its middle frame alone read back
 * and rendered, and it yields one Observation, with the hub alive and no OutOfMemoryError. 300 frames of 1024x1024x16
 * bits (~630 MB, more than the heap) by default; {@code -Dlarge.frames=480} for the ~1 GB object of the benchmark.
 */
class LargeMultiFrameIT {
    /**
     * The DICOM path stays within 256 MiB (the benchmark's large-object scenario shows it), but the embedded FHIR
     * server's validator needs more than that for its R4 definitions, and this test goes on to the Observation.
     */
    private static final String XMX = "-Xmx512m";
    private static final long XMX_BYTES = 512L << 20;
    private static final int FRAMES = Integer.getInteger("large.frames", 300);

    @Test
    void storesAMultiFrameObjectLargerThanTheHeapAndYieldsOneObservation() throws Exception {
        Peers.requireTools("storescu");
        HubTestSettings settings = new HubTestSettings();
        Path work = Files.createTempDirectory("medgemma-large-it");
        Path file = work.resolve("large.dcm");
        long pixelBytes = LargeMultiFrameFile.write(file, FRAMES);
        assertThat(pixelBytes).isGreaterThan(XMX_BYTES);
        HubJvm started = null;
        try (HubJvm hub = HubJvm.fromClasspath(settings, Map.of("hub.dicom.series-quiet-period", "2s"), List.of(XMX))) {
            started = hub;
            Dcmtk.Result store = Dcmtk.run("storescu", "-aet", "LARGE", "-aec", "MEDGEMMA", "127.0.0.1",
                    String.valueOf(settings.dicomPort), file.toString());

            assertThat(store.exitCode()).as(store.output()).isZero();
            assertThat(store.output()).doesNotContain("E: ");
            FhirTestClient fhir = new FhirTestClient(settings.fhirBase());
            String requestId = RequestIds.of(SourceKind.DICOM, LargeMultiFrameFile.SERIES_INSTANCE);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !hub.isAlive() || !fhir.observationsWithRequestId(requestId).isEmpty());
            assertThat(hub.isAlive()).as("hub alive at " + XMX).isTrue();
            assertThat(fhir.observationsWithRequestId(requestId)).hasSize(1);
            assertThat(Files.readString(hub.log())).doesNotContain("OutOfMemoryError");
        } finally {
            if (started != null) Files.copy(started.log(), Path.of("target", "LargeMultiFrameIT-hub.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            deleteTree(work);
            deleteTree(settings.dataDir);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
