package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JpegLosslessDecoderTest {
    private static int[] image(int width, int height, int precision, long seed) {
        Random random = new Random(seed);
        int[] samples = new int[width * height];
        int max = (1 << precision) - 1;
        for (int i = 0; i < samples.length; i++) {
            int smooth = (i % width) * max / width / 2 + (i / width) * max / height / 3;
            samples[i] = Math.min(max, smooth + random.nextInt(Math.max(2, max / 16)));
        }
        samples[3] = max; // extremes, so large differences (category 15 and 16) occur
        samples[4] = 0;
        return samples;
    }

    @ParameterizedTest(name = "predictor {0}, {1} bits, restart every {2} samples")
    @CsvSource({"1, 8, 0", "1, 16, 37", "4, 12, 37", "6, 16, 74", "7, 12, 37", "2, 16, 0", "5, 8, 111"})
    void decodesRestartIntervalsAndLargeDifferencesExactly(int predictor, int precision, int restartInterval)
            throws Exception {
        int[] samples = image(37, 29, precision, predictor * 31L + precision);
        byte[] jpeg = LosslessJpegTestEncoder.encode(samples, 37, 29, precision, predictor, restartInterval);

        FrameSamples decoded = JpegLosslessDecoder.decode(jpeg);

        assertThat(decoded.width()).isEqualTo(37);
        assertThat(decoded.height()).isEqualTo(29);
        assertThat(Arrays.equals(decoded.data(), samples)).as("decoded samples equal the encoded ones").isTrue();
    }

    @Test
    @Timeout(5)
    void truncatedScanIsAnErrorNotAHang() {
        byte[] jpeg = LosslessJpegTestEncoder.encode(image(64, 64, 16, 1), 64, 64, 16, 1, 0);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 3);

        assertThatThrownBy(() -> JpegLosslessDecoder.decode(cut)).isInstanceOf(DicomRenderException.class);
    }

    @Test
    void otherJpegProcessesAreRefusedByName() {
        byte[] baseline = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0};

        assertThatThrownBy(() -> JpegLosslessDecoder.decode(baseline)).isInstanceOf(DicomRenderException.class)
                .hasMessageContaining("SOF0");
    }
}
