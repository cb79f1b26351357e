package org.medgemmahub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AreaAverageScalerTest {

    private static int[] unsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) values[i] = bytes[i] & 0xFF;
        return values;
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        byte[] gray = {0, 100, (byte) 200, (byte) 255,
                       50, 50, (byte) 200, (byte) 255};

        byte[] half = AreaAverageScaler.scale(gray, 4, 2, 1, 2, 1);

        assertThat(unsigned(half)).containsExactly(50, 228); // 200 / 4 and 910 / 4 = 227.5, rounded
    }

    @Test
    void aFractionalFactorWeighsPartlyCoveredPixelsByTheirOverlap() {
        byte[] row = {0, 90, (byte) 180};

        byte[] two = AreaAverageScaler.scale(row, 3, 1, 1, 2, 1);

        // target pixels cover 1.5 source pixels: (0 + 90 / 2) / 1.5 = 30 and (90 / 2 + 180) / 1.5 = 150
        assertThat(unsigned(two)).containsExactly(30, 150);
    }

    @Test
    void channelsAreAveragedApartAndAUniformImageStaysUniform() {
        int width = 2000;
        int height = 2500;
        byte[] bgr = new byte[width * height * 3];
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = 10;
            bgr[i + 1] = (byte) 128;
            bgr[i + 2] = (byte) 250;
        }

        byte[] fitted = AreaAverageScaler.scale(bgr, width, height, 3, 717, 896);

        assertThat(fitted).hasSize(717 * 896 * 3);
        int differing = 0;
        for (int i = 0; i < fitted.length; i += 3) {
            if (fitted[i] != 10 || fitted[i + 1] != (byte) 128 || fitted[i + 2] != (byte) 250) differing++;
        }
        assertThat(differing).as("pixels other than (10, 128, 250)").isZero();
    }

    @Test
    void refusesToEnlarge() {
        assertThatThrownBy(() -> AreaAverageScaler.scale(new byte[4], 2, 2, 1, 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
