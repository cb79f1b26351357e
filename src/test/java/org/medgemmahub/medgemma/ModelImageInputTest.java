package org.medgemmahub.medgemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ModelImageInputTest {

    static byte[] encoded(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(width / 2, height / 2, 0xffffff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "gif", "bmp"})
    void reencodesEveryAcceptedFormatAsAModelJpeg(String format) throws Exception {
        String base64 = new ModelImageInput(MedGemmaFixtures.defaults()).toModelJpegBase64(encoded(format, 1200, 600));

        byte[] jpeg = Base64.getDecoder().decode(base64);
        assertThat(ModelImageInput.sniffFormat(jpeg)).contains("jpeg");
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(sent.getWidth()).isEqualTo(896);
        assertThat(sent.getHeight()).isEqualTo(448);
    }

    @Test
    void refusesAnImageLargerThanMaxImageSizeWith413() throws Exception {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", "http://127.0.0.1:1");
        settings.maxImageSize = DataSize.ofBytes(1000);

        assertThatThrownBy(() -> new ModelImageInput(settings.build()).toModelJpegBase64(encoded("bmp", 100, 100)))
                .isInstanceOfSatisfying(ImageInputException.class, e -> assertThat(e.status()).isEqualTo(413))
                .hasMessageContaining("medgemma.max-image-size");
    }

    @Test
    void refusesAFormatOutsideAllowedFormatsWith415() throws Exception {
        MedGemmaFixtures.Settings settings = MedGemmaFixtures.settings("openai", "http://127.0.0.1:1");
        settings.allowedFormats = Set.of("jpeg", "png");

        assertThatThrownBy(() -> new ModelImageInput(settings.build()).toModelJpegBase64(encoded("gif", 10, 10)))
                .isInstanceOfSatisfying(ImageInputException.class, e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("gif images are not accepted");
    }

    @Test
    void refusesSomethingThatIsNoImageWith415AndACorruptImageWith400() {
        ModelImageInput input = new ModelImageInput(MedGemmaFixtures.defaults());

        assertThatThrownBy(() -> input.toModelJpegBase64("%PDF-1.7 not an image".getBytes()))
                .isInstanceOfSatisfying(ImageInputException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> input.toModelJpegBase64(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}))
                .isInstanceOfSatisfying(ImageInputException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
