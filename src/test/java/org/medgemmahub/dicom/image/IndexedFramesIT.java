package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.SyntaxVariant;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.IndexedDicomFile;
import org.medgemmahub.dicom.data.Tag;
import org.medgemmahub.dicom.data.TransferSyntax;
import org.medgemmahub.support.Peers;

/**
 * One frame read from the file alone ({@link IndexedFrames#frame}) renders exactly as the same frame of the whole
 * file read into memory, in every transfer syntax the hub accepts (DCMTK and GDCM make the variants), for a
 * multi-frame and a single-frame sample.
 */
class IndexedFramesIT {
    private static final List<String> SAMPLES = List.of("us-multiframe-rgb.dcm", "mr-t1-16bit.dcm");

    @TempDir
    static Path work;

    private final DicomImageRenderer renderer = new DicomImageRenderer();

    @BeforeAll
    static void requirePeers() {
        Peers.requireTools("dcmconv", "dcmcjpeg", "dcmcrle", "gdcmconv");
    }

    @TestFactory
    Stream<DynamicTest> rendersEachFrameReadAloneAsTheWholeFileRendersIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String sample : SAMPLES) {
            Path source = DicomSamples.named(sample);
            tests.add(DynamicTest.dynamicTest(sample + " as generated", () -> compareEveryFrame(source)));
            for (SyntaxVariant variant : SyntaxVariant.values()) {
                tests.add(DynamicTest.dynamicTest(sample + " " + variant, () -> {
                    if (!applies(variant, source)) return;
                    compareEveryFrame(variant.make(source, work.resolve(sample + "." + variant + ".dcm")));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void refusesAFrameBeyondTheLast() throws Exception {
        IndexedDicomFile file = IndexedDicomFile.read(DicomSamples.named("us-multiframe-rgb.dcm"));

        assertThatThrownBy(() -> IndexedFrames.frame(file, 6)).isInstanceOf(DicomRenderException.class)
                .hasMessageContaining("frame 7 requested; the image has 6");
    }

    private void compareEveryFrame(Path path) throws Exception {
        DicomFile whole = DicomFile.read(path);
        IndexedDicomFile indexed = IndexedDicomFile.read(path);
        assertThat(indexed.dataSet().contains(Tag.PIXEL_DATA)).isFalse();
        int frames = whole.dataSet().getInt(Tag.NUMBER_OF_FRAMES, 1);
        for (int frame = 0; frame < frames; frame++) {
            BufferedImage expected = renderer.render(whole, RenderOptions.defaults().withFrame(frame));
            BufferedImage actual = renderer.render(IndexedFrames.frame(indexed, frame), RenderOptions.defaults().withFrame(0));
            assertThat(pixels(actual)).as("frame %d of %s", frame, path.getFileName()).isEqualTo(pixels(expected));
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static boolean applies(SyntaxVariant variant, Path sample) throws Exception {
        DicomFile header = DicomFile.readHeader(sample);
        boolean colour = header.dataSet().getInt(Tag.SAMPLES_PER_PIXEL, 1) == 3;
        if (variant.syntax() == TransferSyntax.JPEG_BASELINE) {
            return (variant != SyntaxVariant.JPEG_BASELINE_RGB || colour) && header.dataSet().getInt(Tag.BITS_ALLOCATED, 16) == 8;
        }
        return true;
    }
}
