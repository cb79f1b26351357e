package org.medgemmahub.pipeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The one image shape every channel sends to the model: RGB, fitted within 896x896 (MedGemma's SigLIP input size)
 * with its aspect kept, JPEG quality 85, and under 500 KB (quality is lowered step by step in the rare case it is not).
 * Scaling is an area average ({@link AreaAverageScaler}); the JPEG is encoded from interleaved R, G, B bytes, which
 * the JDK encoder copies row by row without reordering (faster than TYPE_3BYTE_BGR or TYPE_INT_RGB).
 */
public final class ModelImages {
    public static final int MAX_SIDE = 896;
    public static final float QUALITY = 0.85f;
    public static final int MAX_JPEG_BYTES = 500 * 1024;

    private static final ColorModel RGB_BYTES = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    private static final int[] RGB_OFFSETS = {0, 1, 2};

    private ModelImages() {
    }

    /** Fits and encodes an image for the model. */
    public static byte[] toModelJpeg(BufferedImage image) {
        BufferedImage fitted = fit(image, MAX_SIDE);
        if (!isRgbBytes(fitted)) fitted = rgbImage(rgbBytes(fitted), fitted.getWidth(), fitted.getHeight());
        for (float quality = QUALITY; ; quality -= 0.1f) {
            byte[] jpeg = encodeJpeg(fitted, quality);
            if (jpeg.length <= MAX_JPEG_BYTES || quality < 0.3f) return jpeg;
        }
    }

    /** Scales down (never up) so that neither side exceeds {@code maxSide}, by area averaging. */
    public static BufferedImage fit(BufferedImage image, int maxSide) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (Math.max(width, height) <= maxSide) return image;
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] gray = (byte[]) image.getRaster().getDataElements(0, 0, width, height, null);
            return fit(gray, width, height, 1, maxSide);
        }
        return fit(rgbBytes(image), width, height, 3, maxSide);
    }

    /**
     * 8-bit pixels, gray (1 channel) or red, green, blue (3 channels, interleaved), fitted within {@code maxSide} as
     * an RGB image of interleaved bytes (gray in all three channels). The array is not modified.
     */
    public static BufferedImage fit(byte[] samples, int width, int height, int channels, int maxSide) {
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("1 or 3 channels, not " + channels);
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        byte[] fitted = scale == 1.0 ? samples
                : AreaAverageScaler.scale(samples, width, height, channels, targetWidth, targetHeight);
        return rgbImage(channels == 3 ? fitted : grayToRgb(fitted, targetWidth * targetHeight), targetWidth,
                targetHeight);
    }

    private static BufferedImage rgbImage(byte[] rgb, int width, int height) {
        byte[] data = rgb.length == width * height * 3 ? rgb : Arrays.copyOf(rgb, width * height * 3);
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(data, data.length), width, height,
                width * 3, 3, RGB_OFFSETS, null);
        return new BufferedImage(RGB_BYTES, raster, false, null);
    }

    private static boolean isRgbBytes(BufferedImage image) {
        return image.getColorModel().equals(RGB_BYTES)
                && image.getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getPixelStride() == 3 && Arrays.equals(model.getBandOffsets(), RGB_OFFSETS);
    }

    private static byte[] grayToRgb(byte[] gray, int pixels) {
        byte[] rgb = new byte[pixels * 3];
        for (int i = 0, o = 0; i < pixels; i++, o += 3) {
            byte v = gray[i];
            rgb[o] = v;
            rgb[o + 1] = v;
            rgb[o + 2] = v;
        }
        return rgb;
    }

    /** The pixels as interleaved R, G, B bytes. */
    private static byte[] rgbBytes(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Object elements = switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB ->
                    image.getRaster().getDataElements(0, 0, width, height, null);
            default -> isRgbBytes(image) ? image.getRaster().getDataElements(0, 0, width, height, null) : null;
        };
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // drawImage would treat gray as linear light and brighten it; the stored values are already display values
            return grayToRgb((byte[]) elements, width * height);
        }
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bytes = (byte[]) elements;
            for (int i = 0; i < bytes.length; i += 3) {
                byte blue = bytes[i];
                bytes[i] = bytes[i + 2];
                bytes[i + 2] = blue;
            }
            return bytes;
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            int[] rgb = (int[]) elements;
            byte[] bytes = new byte[rgb.length * 3];
            for (int i = 0, o = 0; i < rgb.length; i++, o += 3) {
                bytes[o] = (byte) (rgb[i] >> 16);
                bytes[o + 1] = (byte) (rgb[i] >> 8);
                bytes[o + 2] = (byte) rgb[i];
            }
            return bytes;
        }
        if (elements != null) return (byte[]) elements;
        BufferedImage opaque = rgbImage(new byte[width * height * 3], width, height);
        Graphics2D g = opaque.createGraphics();
        g.drawImage(image, 0, 0, Color.BLACK, null);
        g.dispose();
        return ((DataBufferByte) opaque.getRaster().getDataBuffer()).getData();
    }

    private static byte[] encodeJpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
