package org.medgemmahub.pipeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The one image shape every channel sends to the model: RGB, fitted within 896x896 (MedGemma's SigLIP input size)
 * with its aspect kept, JPEG quality 85, and under 500 KB (quality is lowered step by step in the rare case it is not).
 * Scaling is an area average ({@link AreaAverageScaler}); images are encoded from TYPE_3BYTE_BGR, the JDK encoder's
 * fastest input.
 */
public final class ModelImages {
    public static final int MAX_SIDE = 896;
    public static final float QUALITY = 0.85f;
    public static final int MAX_JPEG_BYTES = 500 * 1024;

    private ModelImages() {
    }

    /** Fits and encodes an image for the model. */
    public static byte[] toModelJpeg(BufferedImage image) {
        BufferedImage fitted = fit(image, MAX_SIDE);
        if (fitted.getType() != BufferedImage.TYPE_3BYTE_BGR) fitted = toBgrImage(fitted);
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
            return fit((byte[]) image.getRaster().getDataElements(0, 0, width, height, null), width, height, 1, maxSide);
        }
        BufferedImage bgr = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? image : toBgrImage(image);
        return fit((byte[]) bgr.getRaster().getDataElements(0, 0, width, height, null), width, height, 3, maxSide);
    }

    /**
     * 8-bit pixels, gray (1 channel) or blue, green, red (3 channels, interleaved), fitted within {@code maxSide} as
     * a TYPE_3BYTE_BGR image (gray in all three channels). The array is not modified.
     */
    public static BufferedImage fit(byte[] samples, int width, int height, int channels, int maxSide) {
        if (channels != 1 && channels != 3) throw new IllegalArgumentException("1 or 3 channels, not " + channels);
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        byte[] fitted = scale == 1.0 ? samples
                : AreaAverageScaler.scale(samples, width, height, channels, targetWidth, targetHeight);
        return bgrImage(channels == 3 ? fitted : grayToBgr(fitted, targetWidth * targetHeight), targetWidth,
                targetHeight);
    }

    private static BufferedImage bgrImage(byte[] bgr, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, data, 0, width * height * 3);
        return image;
    }

    private static byte[] grayToBgr(byte[] gray, int pixels) {
        byte[] bgr = new byte[pixels * 3];
        for (int i = 0, o = 0; i < pixels; i++, o += 3) {
            byte v = gray[i];
            bgr[o] = v;
            bgr[o + 1] = v;
            bgr[o + 2] = v;
        }
        return bgr;
    }

    private static BufferedImage toBgrImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // drawImage would treat gray as linear light and brighten it; the stored values are already display values
            byte[] gray = (byte[]) image.getRaster().getDataElements(0, 0, width, height, null);
            return bgrImage(grayToBgr(gray, width * height), width, height);
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            int[] rgb = (int[]) image.getRaster().getDataElements(0, 0, width, height, null);
            byte[] bgr = new byte[rgb.length * 3];
            for (int i = 0, o = 0; i < rgb.length; i++, o += 3) {
                bgr[o] = (byte) rgb[i];
                bgr[o + 1] = (byte) (rgb[i] >> 8);
                bgr[o + 2] = (byte) (rgb[i] >> 16);
            }
            return bgrImage(bgr, width, height);
        }
        BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        g.drawImage(image, 0, 0, Color.BLACK, null);
        g.dispose();
        return bgr;
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
