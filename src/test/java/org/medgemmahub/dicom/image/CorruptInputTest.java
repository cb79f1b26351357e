package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.DicomParseException;

/**
 * Damaged files (random bytes overwritten, cut at random places) end in a {@link DicomParseException} or a
 * {@link DicomRenderException}, or render: never another exception, an OutOfMemoryError or a hang.
 */
class CorruptInputTest {
    private final DicomImageRenderer renderer = new DicomImageRenderer();

    @ParameterizedTest
    @ValueSource(strings = {"ct-signed-12bit.dcm", "mr-t1-jpeg-lossless-sv1.dcm", "us-rgb-jpeg-baseline.dcm",
            "cr-chest-monochrome1.dcm", "us-ybr-full-422.dcm"})
    @Timeout(120)
    void damagedFilesFailWithParseOrRenderErrorsOnly(String sample) throws Exception {
        byte[] original = Files.readAllBytes(DicomSamples.named(sample));
        Random random = new Random(sample.hashCode());
        int rendered = 0;
        int refused = 0;
        for (int round = 0; round < 150; round++) {
            byte[] damaged = round % 3 == 0
                    ? Arrays.copyOf(original, 132 + random.nextInt(original.length - 132))
                    : overwrite(original, random, round % 3 == 1 ? 1500 : original.length);
            try {
                renderer.renderJpeg(DicomFile.read(new ByteArrayInputStream(damaged)), RenderOptions.defaults());
                rendered++;
            } catch (DicomParseException | DicomRenderException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                refused++;
            }
        }
        assertThat(rendered).as("some damage (in pixel values) still renders").isPositive();
        assertThat(refused).as("truncations are refused").isGreaterThanOrEqualTo(50);
    }

    /** Overwrites 1 to 4 random bytes after the preamble, within the first {@code span} bytes. */
    private static byte[] overwrite(byte[] original, Random random, int span) {
        byte[] copy = original.clone();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int at = 132 + random.nextInt(Math.min(span, copy.length) - 132);
            copy[at] = (byte) random.nextInt(256);
        }
        return copy;
    }
}
