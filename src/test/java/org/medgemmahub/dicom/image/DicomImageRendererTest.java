package org.medgemmahub.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medgemmahub.dicom.DataSetBytes;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.data.DicomAttributes;
import org.medgemmahub.dicom.data.DicomDataSetReader;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.Tag;
import org.medgemmahub.dicom.data.TransferSyntax;

class DicomImageRendererTest {
    private final DicomImageRenderer renderer = new DicomImageRenderer();

    /** A 4x1 MONOCHROME image of 16-bit words (8-bit when {@code bits} is 8) with extra elements. */
    private static DicomFile image(String modality, String photometric, int bits, int bitsStored, int highBit,
                                   boolean signed, int[] words, UnaryOperator<DataSetBytes> extra) throws Exception {
        ByteBuffer pixels = ByteBuffer.allocate(words.length * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int word : words) {
            if (bits == 8) pixels.put((byte) word);
            else pixels.putShort((short) word);
        }
        DataSetBytes bytes = DataSetBytes.explicitLittle()
                .text(Tag.MODALITY, "CS", modality)
                .us(Tag.SAMPLES_PER_PIXEL, 1)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", photometric.length() % 2 == 0 ? photometric : photometric + " ")
                .us(Tag.ROWS, 1).us(Tag.COLUMNS, words.length)
                .us(Tag.BITS_ALLOCATED, bits).us(Tag.BITS_STORED, bitsStored).us(Tag.HIGH_BIT, highBit)
                .us(Tag.PIXEL_REPRESENTATION, signed ? 1 : 0);
        bytes = extra.apply(bytes).element(Tag.PIXEL_DATA, bits == 8 ? "OB" : "OW", pixels.array());
        DicomAttributes dataSet = DicomDataSetReader.read(bytes.toBytes(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false);
        return new DicomFile(new DicomAttributes(), dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static int[] grays(BufferedImage image) {
        int[] levels = new int[image.getWidth()];
        for (int x = 0; x < levels.length; x++) {
            int rgb = image.getRGB(x, 0);
            assertThat(rgb & 0xFF).as("gray pixel %d has R = G = B", x).isEqualTo((rgb >> 8) & 0xFF);
            levels[x] = rgb & 0xFF;
        }
        return levels;
    }

    @Test
    void appliesTheRescaleThenTheFirstOfSeveralWindows() throws Exception {
        DicomFile ct = image("CT", "MONOCHROME2", 16, 12, 11, false, new int[] {0, 1024, 1064, 2048},
                b -> b.text(Tag.WINDOW_CENTER, "DS", "40\\-600").text(Tag.WINDOW_WIDTH, "DS", "400\\1500")
                        .text(Tag.RESCALE_INTERCEPT, "DS", "-1024").text(Tag.RESCALE_SLOPE, "DS", "1 "));

        assertThat(grays(renderer.render(ct, RenderOptions.of(CtRendering.GRAYSCALE)))).containsExactly(0, 102, 128, 255);
    }

    @Test
    void readsRescaleAndWindowFromTheSharedFunctionalGroupsOfEnhancedImages() throws Exception {
        int undefined = DataSetBytes.UNDEFINED;
        DicomFile enhanced = image("CT", "MONOCHROME2", 16, 12, 11, false, new int[] {0, 1024, 1064, 2048},
                b -> b.header(Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, "SQ", undefined).item(Tag.ITEM, undefined)
                        .header(Tag.FRAME_VOI_LUT_SEQUENCE, "SQ", undefined).item(Tag.ITEM, undefined)
                        .text(Tag.WINDOW_CENTER, "DS", "40").text(Tag.WINDOW_WIDTH, "DS", "400")
                        .item(Tag.ITEM_DELIMITATION_ITEM, 0).item(Tag.SEQUENCE_DELIMITATION_ITEM, 0)
                        .header(Tag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, "SQ", undefined).item(Tag.ITEM, undefined)
                        .text(Tag.RESCALE_INTERCEPT, "DS", "-1024").text(Tag.RESCALE_SLOPE, "DS", "1 ")
                        .item(Tag.ITEM_DELIMITATION_ITEM, 0).item(Tag.SEQUENCE_DELIMITATION_ITEM, 0)
                        .item(Tag.ITEM_DELIMITATION_ITEM, 0).item(Tag.SEQUENCE_DELIMITATION_ITEM, 0));

        assertThat(grays(renderer.render(enhanced, RenderOptions.of(CtRendering.GRAYSCALE))))
                .containsExactly(0, 102, 128, 255);
    }

    @Test
    void anExplicitWindowReplacesTheFilesWindow() throws Exception {
        DicomFile ct = image("CT", "MONOCHROME2", 16, 12, 11, false, new int[] {0, 1024, 1064, 2048},
                b -> b.text(Tag.WINDOW_CENTER, "DS", "40").text(Tag.WINDOW_WIDTH, "DS", "400")
                        .text(Tag.RESCALE_INTERCEPT, "DS", "-1024"));
        RenderOptions options = RenderOptions.of(CtRendering.THREE_WINDOW).withWindow(VoiWindow.parse("0/2049"));

        assertThat(grays(renderer.render(ct, options))).containsExactly(0, 128, 133, 255);
    }

    @Test
    void packsMedGemmasThreeHounsfieldWindowsIntoRedGreenAndBlueForCt() throws Exception {
        DicomFile ct = image("CT", "MONOCHROME2", 16, 12, 11, false, new int[] {0, 1064, 1239, 3024},
                b -> b.text(Tag.RESCALE_INTERCEPT, "DS", "-1024").text(Tag.RESCALE_SLOPE, "DS", "1 "));

        BufferedImage image = renderer.render(ct, RenderOptions.defaults());

        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x000000);          // -1024 HU
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(132 << 16 | 128 << 8 | 128); // 40 HU
        assertThat(image.getRGB(2, 0) & 0xFFFFFF).isEqualTo(154 << 16 | 255 << 8 | 255); // 215 HU
        assertThat(image.getRGB(3, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);          // 2000 HU
        assertThat(renderer.effectiveWindow(ct, RenderOptions.defaults())).isEmpty();
    }

    @Test
    void masksBitsAboveHighBitAndSignExtendsSignedPixels() throws Exception {
        DicomFile signed = image("CT", "MONOCHROME2", 16, 12, 11, true, new int[] {0xFFFF, 0x7001, 0x0800, 0x07FF},
                b -> b.text(Tag.WINDOW_CENTER, "DS", "0 ").text(Tag.WINDOW_WIDTH, "DS", "4096"));

        assertThat(grays(renderer.render(signed, RenderOptions.of(CtRendering.GRAYSCALE))))
                .containsExactly(127, 128, 0, 255);
    }

    @Test
    void readsStoredBitsBelowAHighBitAboveThem() throws Exception {
        DicomFile shifted = image("OT", "MONOCHROME2", 16, 8, 11, false, new int[] {0xF000, 0x0FF0, 0x0800, 0x0010},
                b -> b.text(Tag.WINDOW_CENTER, "DS", "128 ").text(Tag.WINDOW_WIDTH, "DS", "256 "));

        assertThat(grays(renderer.render(shifted, RenderOptions.defaults()))).containsExactly(0, 255, 128, 1);
    }

    @Test
    void invertsMonochrome1AfterTheFallbackMinMaxWindow() throws Exception {
        DicomFile cr = image("CR", "MONOCHROME1", 8, 8, 7, false, new int[] {0, 0, 255, 255}, b -> b);

        assertThat(grays(renderer.render(cr, RenderOptions.defaults()))).containsExactly(255, 255, 0, 0);
        assertThat(renderer.effectiveWindow(cr, RenderOptions.defaults())).contains(new VoiWindow(128, 256));
    }

    @Test
    void mapsValuesThroughTheFirstVoiLut() throws Exception {
        DataSetBytes lut = DataSetBytes.explicitLittle().us(Tag.LUT_DESCRIPTOR, 4, 0, 8)
                .us(Tag.LUT_DATA, 0, 10, 200, 255);
        byte[] item = lut.toBytes();
        DicomFile dx = image("DX", "MONOCHROME2", 8, 8, 7, false, new int[] {0, 1, 2, 3},
                b -> b.header(Tag.VOI_LUT_SEQUENCE, "SQ", 8 + item.length).item(Tag.ITEM, item.length).raw(item));

        assertThat(grays(renderer.render(dx, RenderOptions.defaults()))).containsExactly(0, 10, 200, 255);
    }

    @Test
    void rendersBothPlanarConfigurationsAlike() throws Exception {
        BufferedImage planar0 = renderer.render(DicomFile.read(DicomSamples.named("us-rgb-planar0.dcm")),
                RenderOptions.defaults());
        BufferedImage planar1 = renderer.render(DicomFile.read(DicomSamples.named("us-rgb-planar1.dcm")),
                RenderOptions.defaults());

        int[] first = planar0.getRGB(0, 0, planar0.getWidth(), planar0.getHeight(), null, 0, planar0.getWidth());
        int[] second = planar1.getRGB(0, 0, planar1.getWidth(), planar1.getHeight(), null, 0, planar1.getWidth());
        assertThat(Arrays.equals(first, second)).as("same RGB pixels").isTrue();
        assertThat(planar0.getWidth()).isEqualTo(320);
    }

    @Test
    void rendersTheMiddleFrameOfAMultiFrameByDefault() throws Exception {
        DicomFile cine = DicomFile.read(DicomSamples.named("us-multiframe-rgb.dcm"));
        BufferedImage middle = renderer.render(cine, RenderOptions.defaults());
        BufferedImage third = renderer.render(cine, RenderOptions.defaults().withFrame(3));
        BufferedImage first = renderer.render(cine, RenderOptions.defaults().withFrame(0));

        assertThat(middle.getRGB(60, 60)).isEqualTo(third.getRGB(60, 60));
        int[] a = middle.getRGB(0, 0, 160, 120, null, 0, 160);
        assertThat(Arrays.equals(a, third.getRGB(0, 0, 160, 120, null, 0, 160))).isTrue();
        assertThat(Arrays.equals(a, first.getRGB(0, 0, 160, 120, null, 0, 160))).isFalse();
    }

    @Test
    void modelJpegFitsWithin896Pixels() throws Exception {
        byte[] jpeg = renderer.renderJpeg(DicomFile.read(DicomSamples.named("ct-slice-3.dcm")), RenderOptions.defaults());

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(jpeg.length).isLessThan(500 * 1024);
    }

    @Nested
    class NotRenderable {

        @Test
        void instanceWithoutPixelData() throws Exception {
            DicomFile header = DicomFile.readHeader(DicomSamples.named("mr-t1-16bit.dcm"));

            assertThatThrownBy(() -> renderer.render(header, RenderOptions.defaults()))
                    .isInstanceOf(DicomRenderException.class).hasMessageContaining("no Pixel Data");
        }

        @Test
        void instanceWithoutImageAttributes() {
            DicomFile report = new DicomFile(new DicomAttributes(), new DicomAttributes(),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

            assertThatThrownBy(() -> renderer.render(report, RenderOptions.defaults()))
                    .isInstanceOf(DicomRenderException.class).hasMessageContaining("Rows");
        }

        @Test
        void paletteColour() throws Exception {
            DicomFile palette = image("OT", "PALETTE COLOR", 8, 8, 7, false, new int[] {0, 1, 2, 3}, b -> b);

            assertThatThrownBy(() -> renderer.render(palette, RenderOptions.defaults()))
                    .isInstanceOf(DicomRenderException.class).hasMessageContaining("PALETTE COLOR");
        }

        @Test
        void pixelDataShorterThanTheFrame() throws Exception {
            DicomFile tall = image("OT", "MONOCHROME2", 8, 8, 7, false, new int[] {0, 1, 2, 3},
                    b -> b.us(Tag.ROWS, 2));

            assertThatThrownBy(() -> renderer.render(tall, RenderOptions.defaults()))
                    .isInstanceOf(DicomRenderException.class).hasMessageContaining("Pixel Data holds 4 bytes");
        }

        @Test
        void frameBeyondTheLast() throws Exception {
            DicomFile cine = DicomFile.read(DicomSamples.named("us-multiframe-rgb.dcm"));

            assertThatThrownBy(() -> renderer.render(cine, RenderOptions.defaults().withFrame(6)))
                    .isInstanceOf(DicomRenderException.class).hasMessageContaining("the image has 6");
        }
    }
}
