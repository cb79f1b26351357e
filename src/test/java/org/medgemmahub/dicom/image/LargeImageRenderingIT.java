package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.DataSetBytes;
import org.medgemmahub.dicom.ExternalTool;
import org.medgemmahub.dicom.Psnr;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.Tag;
import org.medgemmahub.dicom.data.TransferSyntax;
import org.medgemmahub.support.Peers;

/**
 * Images larger than 896 px: the hub's area-averaged model JPEG against dcmj2pnm's own downscale ({@code +Syv} /
 * {@code +Sxv 896}) of the same file, PSNR >= 40 dB.
 */
class LargeImageRenderingIT {
    @TempDir
    Path work;

    @BeforeAll
    static void requirePeers() {
        Peers.requireTools("dcmj2pnm");
    }

    /** Smooth anatomy-like shading plus noise, in {@code max} units, one value per sample. */
    private static int[] shading(int width, int height, int samples, int max) {
        Random random = new Random(width * 31L + height);
        int[] values = new int[width * height * samples];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int s = 0; s < samples; s++) {
                    double wave = Math.sin(x / (90.0 + 40 * s)) * Math.cos(y / 130.0) * 0.4 + 0.5;
                    double edge = (x - width / 2) * (x - width / 2) + (y - height / 2) * (y - height / 2)
                            < width * width / 9 ? 0.1 : 0;
                    values[(y * width + x) * samples + s] = (int) Math.min(max,
                            (wave + edge) * max * 0.9 + random.nextInt(Math.max(2, max / 100)));
                }
            }
        }
        return values;
    }

    private Path file(String name, int width, int height, String photometric, int bits, int[] values,
                      String window) throws Exception {
        ByteBuffer pixels = ByteBuffer.allocate(values.length * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            if (bits == 8) pixels.put((byte) value);
            else pixels.putShort((short) value);
        }
        int samples = values.length / (width * height);
        DataSetBytes data = DataSetBytes.explicitLittle()
                .text(Tag.MODALITY, "CS", samples == 1 ? "CR" : "XC")
                .us(Tag.SAMPLES_PER_PIXEL, samples)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", photometric.length() % 2 == 0 ? photometric
                        : photometric + " ");
        if (samples == 3) data = data.us(Tag.PLANAR_CONFIGURATION, 0);
        data = data.us(Tag.ROWS, height).us(Tag.COLUMNS, width)
                .us(Tag.BITS_ALLOCATED, bits).us(Tag.BITS_STORED, bits == 8 ? 8 : 12)
                .us(Tag.HIGH_BIT, bits == 8 ? 7 : 11).us(Tag.PIXEL_REPRESENTATION, 0);
        if (window != null) {
            String[] parts = window.split("/");
            data = data.text(Tag.WINDOW_CENTER, "DS", parts[0]).text(Tag.WINDOW_WIDTH, "DS", parts[1]);
        }
        data = data.element(Tag.PIXEL_DATA, bits == 8 ? "OB" : "OW", pixels.array());
        Path file = work.resolve(name + ".dcm");
        Files.write(file, DataSetBytes.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), data.toBytes()));
        return file;
    }

    private double psnrAgainstDcmj2pnm(Path file, String scaleOption, boolean grayscale) throws Exception {
        BufferedImage hub = ImageIO.read(new ByteArrayInputStream(new DicomImageRenderer()
                .renderJpeg(DicomFile.read(file), RenderOptions.of(CtRendering.GRAYSCALE))));
        Path png = work.resolve(file.getFileName() + ".png");
        if (grayscale) {
            ExternalTool.run("dcmj2pnm", "+on", "+Wi", "1", scaleOption, "896", file.toString(), png.toString());
        } else {
            ExternalTool.run("dcmj2pnm", "+on", scaleOption, "896", file.toString(), png.toString());
        }
        BufferedImage reference = ImageIO.read(png.toFile());
        assertThat(Math.max(hub.getWidth(), hub.getHeight())).isEqualTo(896);
        double psnr = Psnr.of(reference, hub);
        System.out.printf("%s %dx%d: PSNR %.2f dB against dcmj2pnm %s 896%n", file.getFileName(), hub.getWidth(),
                hub.getHeight(), psnr, scaleOption);
        return psnr;
    }

    @Test
    void aTallTwelveBitRadiographScaledTo896MatchesDcmj2pnm() throws Exception {
        Path cr = file("cr", 2000, 2500, "MONOCHROME2", 16, shading(2000, 2500, 1, 4095), "2048/4096");

        assertThat(psnrAgainstDcmj2pnm(cr, "+Syv", true)).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aWideRgbImageScaledTo896MatchesDcmj2pnm() throws Exception {
        Path rgb = file("rgb", 1800, 1100, "RGB", 8, shading(1800, 1100, 3, 255), null);

        assertThat(psnrAgainstDcmj2pnm(rgb, "+Sxv", false)).isGreaterThanOrEqualTo(40);
    }
}
