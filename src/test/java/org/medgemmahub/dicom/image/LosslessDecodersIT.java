package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.ExternalTool;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.TransferSyntax;
import org.medgemmahub.support.Peers;

/**
 * The hub's own JPEG lossless and RLE decoders give back exactly the stored values of the uncompressed original, for
 * files compressed by DCMTK: every predictor, a point transform, 8 to 16 bits, signed, colour, multi-frame.
 */
class LosslessDecodersIT {
    private static final List<String> SAMPLES = List.of("ct-slice-1.dcm", "ct-signed-12bit.dcm", "mr-t1-16bit.dcm",
            "dx-hand-14bit.dcm", "cr-chest-monochrome1.dcm", "sc-gray-8bit-no-window.dcm", "us-rgb-planar0.dcm",
            "us-rgb-planar1.dcm", "us-multiframe-rgb.dcm");

    @TempDir
    Path work;

    @BeforeAll
    static void requireDcmtk() {
        Peers.requireTools("dcmcjpeg", "dcmcrle");
    }

    @ParameterizedTest(name = "predictor {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void jpegLosslessDecodesEveryPredictorExactly(int predictor) throws Exception {
        for (String name : List.of("ct-signed-12bit.dcm", "mr-t1-16bit.dcm", "us-rgb-planar1.dcm")) {
            Path compressed = work.resolve(name + ".sv" + predictor + ".dcm");
            ExternalTool.run("dcmcjpeg", "+el", "+sv", Integer.toString(predictor), DicomSamples.named(name).toString(),
                    compressed.toString());
            assertSameStoredValues(DicomSamples.named(name), compressed, TransferSyntax.JPEG_LOSSLESS, 0);
        }
    }

    @Test
    void jpegLosslessWithPointTransformKeepsTheHighBits() throws Exception {
        Path compressed = work.resolve("mr-pt2.dcm");
        ExternalTool.run("dcmcjpeg", "+el", "+sv", "1", "+pt", "2", DicomSamples.named("mr-t1-16bit.dcm").toString(),
                compressed.toString());
        assertSameStoredValues(DicomSamples.named("mr-t1-16bit.dcm"), compressed, TransferSyntax.JPEG_LOSSLESS, 2);
    }

    @Test
    void committedSv1SampleDecodesToTheUncompressedMr() throws Exception {
        DicomFile sample = DicomFile.read(DicomSamples.named("mr-t1-jpeg-lossless-sv1.dcm"));
        DicomFile original = DicomFile.read(DicomSamples.named("mr-t1-16bit.dcm"));
        PixelDescription d = PixelDescription.of(original.dataSet());
        assertThat(Arrays.equals(PixelFrames.decode(sample, d, 0).data(), PixelFrames.decode(original, d, 0).data()))
                .isTrue();
    }

    @Test
    void rleDecodesEveryByteSegmentExactly() throws Exception {
        for (String name : SAMPLES) {
            Path compressed = work.resolve(name + ".rle.dcm");
            ExternalTool.run("dcmcrle", DicomSamples.named(name).toString(), compressed.toString());
            assertSameStoredValues(DicomSamples.named(name), compressed, TransferSyntax.RLE_LOSSLESS, 0);
        }
    }

    private static void assertSameStoredValues(Path original, Path compressed, TransferSyntax syntax, int pointTransform)
            throws Exception {
        DicomFile source = DicomFile.read(original);
        DicomFile coded = DicomFile.read(compressed);
        assertThat(coded.transferSyntax()).isEqualTo(syntax);
        PixelDescription d = PixelDescription.of(source.dataSet());
        List<Integer> frames = new ArrayList<>(List.of(0));
        if (d.numberOfFrames() > 1) frames.add(d.numberOfFrames() - 1);
        for (int frame : frames) {
            int[] expected = PixelFrames.decode(source, d, frame).data().clone();
            if (pointTransform > 0) {
                for (int i = 0; i < expected.length; i++) expected[i] = expected[i] >> pointTransform << pointTransform;
            }
            int[] actual = PixelFrames.decode(coded, PixelDescription.of(coded.dataSet()), frame).data();
            assertThat(Arrays.equals(actual, expected)).as("%s frame %d decodes to the original stored values",
                    compressed.getFileName(), frame).isTrue();
        }
    }
}
