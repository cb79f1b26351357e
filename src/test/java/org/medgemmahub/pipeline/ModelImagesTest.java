package org.medgemmahub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ModelImagesTest {

    @Test
    void fitsALargeNoisyImageWithin896AndUnder500Kb() throws Exception {
        BufferedImage noisy = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < noisy.getHeight(); y++) {
            for (int x = 0; x < noisy.getWidth(); x++) noisy.setRGB(x, y, random.nextInt(0xffffff));
        }

        byte[] jpeg = ModelImages.toModelJpeg(noisy);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(jpeg.length).isLessThanOrEqualTo(ModelImages.MAX_JPEG_BYTES);
        assertThat(decoded.getWidth()).isEqualTo(896);
        assertThat(decoded.getHeight()).isEqualTo(672);
    }

    @Test
    void keepsGrayValuesAsTheyAreWhenMakingRgb() throws Exception {
        BufferedImage gray = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) gray.getRaster().setSample(x, y, 0, 64);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(ModelImages.toModelJpeg(gray)));

        int green = (decoded.getRGB(32, 32) >> 8) & 0xff;
        assertThat(green).isBetween(62, 66);
    }

    @Test
    void keepsASmallGrayImageAtItsSize() throws Exception {
        BufferedImage gray = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(ModelImages.toModelJpeg(gray)));

        assertThat(decoded.getWidth()).isEqualTo(300);
        assertThat(decoded.getHeight()).isEqualTo(200);
    }

    @Test
    void flattensTransparencyOntoBlackAndKeepsOpaqueColours() throws Exception {
        BufferedImage argb = new BufferedImage(1000, 500, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 500; y++) {
            for (int x = 0; x < 1000; x++) argb.setRGB(x, y, x < 500 ? 0x00FFFFFF : 0xFFFF0000);
        }

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(ModelImages.toModelJpeg(argb)));

        assertThat(decoded.getWidth()).isEqualTo(896);
        assertThat(decoded.getRGB(100, 200) & 0xFFFFFF).as("transparent white on black").isLessThan(0x101010);
        int red = decoded.getRGB(800, 200);
        assertThat((red >> 16) & 0xFF).isGreaterThan(240);
        assertThat((red >> 8) & 0xFF).isLessThan(16);
    }
}
