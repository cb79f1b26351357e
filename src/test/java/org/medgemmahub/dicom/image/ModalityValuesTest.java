package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medgemmahub.dicom.DataSetBytes;
import org.medgemmahub.dicom.data.DicomAttributes;
import org.medgemmahub.dicom.data.DicomDataSetReader;
import org.medgemmahub.dicom.data.Tag;
import org.medgemmahub.dicom.data.TransferSyntax;

class ModalityValuesTest {

    private static DicomAttributes rescaled(String slope, String intercept) throws Exception {
        return DicomDataSetReader.read(DataSetBytes.explicitLittle()
                .text(Tag.RESCALE_INTERCEPT, "DS", intercept).text(Tag.RESCALE_SLOPE, "DS", slope)
                .toBytes(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false);
    }

    /** The percentiles the plain way: every value, sorted. */
    private static double[] sortedQuantiles(int[] stored, double slope, double intercept, int step, Integer padding,
                                            double low, double high) {
        double[] sample = new double[stored.length];
        int n = 0;
        for (int i = 0; i < stored.length; i += step) {
            double value = stored[i] * slope + intercept;
            if (padding == null || value != padding) sample[n++] = value;
        }
        Arrays.sort(sample, 0, n);
        return new double[] {sample[(int) Math.floor(low * (n - 1))], sample[(int) Math.ceil(high * (n - 1))]};
    }

    @ParameterizedTest(name = "{0} pixels of 0..{1}, slope {2}, every {3}th, padding {4}")
    @CsvSource({"10000, 4095, 1, 1, ", "10000, 4095, -2.5, 3, 10", "200, 60000, 0.5, 1, ", "5000, 300, 1, 7, 110",
            "3, 5, 1, 1, "})
    void percentilesAreThoseOfTheSortedModalityValues(int pixels, int range, String slope, int step, Integer padding)
            throws Exception {
        Random random = new Random(pixels + range);
        int[] stored = new int[pixels];
        for (int i = 0; i < pixels; i++) stored[i] = random.nextInt(range + 1) - range / 3;
        FrameSamples frame = new FrameSamples(pixels, 1, 1, stored.clone());
        FrameAttributes attributes = new FrameAttributes(rescaled(slope, "10"), 0);

        double[] quantiles = ModalityValues.of(frame, attributes, true).quantiles(step, padding, 0.005, 0.995);

        assertThat(quantiles).containsExactly(
                sortedQuantiles(stored, Double.parseDouble(slope), 10, step, padding, 0.005, 0.995));
    }
}
