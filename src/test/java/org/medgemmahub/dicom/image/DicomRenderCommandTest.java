package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.data.DicomFile;

class DicomRenderCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private DicomRenderCommand command(Map<String, String> environment) {
        return new DicomRenderCommand(environment::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static boolean isGray(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.abs(r - b) > 3) return false;
            }
        }
        return true;
    }

    @Test
    void writesExactlyTheJpegTheModelGets() throws Exception {
        Path ct = DicomSamples.named("ct-slice-3.dcm");
        Path jpeg = dir.resolve("ct.jpg");

        assertThat(command(Map.of()).run(ct.toString(), jpeg.toString())).isZero();

        byte[] expected = new DicomImageRenderer().renderJpeg(DicomFile.read(ct), RenderOptions.defaults());
        assertThat(Arrays.equals(Files.readAllBytes(jpeg), expected)).isTrue();
        assertThat(isGray(ImageIO.read(jpeg.toFile()))).as("three-window CT is in colour").isFalse();
    }

    @Test
    void honoursTheCtRenderingEnvironmentVariable() throws Exception {
        Path jpeg = dir.resolve("ct.jpg");

        int exit = command(Map.of("HUB_DICOM_CT_RENDERING", "grayscale"))
                .run(DicomSamples.named("ct-slice-3.dcm").toString(), jpeg.toString());

        assertThat(exit).isZero();
        assertThat(isGray(ImageIO.read(jpeg.toFile()))).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("CT rendering grayscale");
    }

    @Test
    void optionsOverrideTheEnvironment() throws Exception {
        Path jpeg = dir.resolve("ct.jpg");

        int exit = command(Map.of("HUB_DICOM_CT_RENDERING", "grayscale")).run("--ct-rendering", "three-window",
                DicomSamples.named("ct-slice-3.dcm").toString(), jpeg.toString(), "--window", "-600/1500");

        assertThat(exit).isZero();
        assertThat(isGray(ImageIO.read(jpeg.toFile()))).as("an explicit window renders one grayscale window").isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("window -600.0/1500.0");
    }

    @Test
    void exitsWithOneAndAClearMessageForATruncatedFile() throws Exception {
        byte[] whole = Files.readAllBytes(DicomSamples.named("mr-t1-16bit.dcm"));
        Path cut = Files.write(dir.resolve("cut.dcm"), Arrays.copyOf(whole, whole.length - 1000));

        int exit = command(Map.of()).run(cut.toString(), dir.resolve("x.jpg").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cut.dcm").contains("truncated").contains("(7FE0,0010)");
        assertThat(dir.resolve("x.jpg")).doesNotExist();
    }

    @Test
    void exitsWithTwoForBadArguments() {
        assertThat(command(Map.of()).run("only-one.dcm")).isEqualTo(2);
        assertThat(command(Map.of()).run("a.dcm", "b.jpg", "--window", "wide")).isEqualTo(2);
        assertThat(command(Map.of("HUB_DICOM_CT_RENDERING", "rainbow")).run("a.dcm", "b.jpg")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("center/width").contains("three-window or grayscale");
    }
}
