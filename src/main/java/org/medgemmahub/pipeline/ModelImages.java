package org.medgemmahub.pipeline;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
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
 */
public final class ModelImages {
    public static final int MAX_SIDE = 896;
    public static final float QUALITY = 0.85f;
    public static final int MAX_JPEG_BYTES = 500 * 1024;

    private ModelImages() {
    }

    /** Fits and encodes an image for the model. */
    public static byte[] toModelJpeg(BufferedImage image) {
        BufferedImage fitted = toRgb(fit(image, MAX_SIDE));
        for (float quality = QUALITY; ; quality -= 0.1f) {
            byte[] jpeg = encodeJpeg(fitted, quality);
            if (jpeg.length <= MAX_JPEG_BYTES || quality < 0.3f) return jpeg;
        }
    }

    /** Scales down (never up) so that neither side exceeds {@code maxSide}; bilinear in steps of at most one half. */
    public static BufferedImage fit(BufferedImage image, int maxSide) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        if (scale == 1.0) return image;
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        BufferedImage current = toRgb(image);
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == targetWidth && current.getHeight() == targetHeight
                ? current : scaled(current, targetWidth, targetHeight);
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) return image;
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // drawImage would treat gray as linear light and brighten it; the stored values are already display values
            Raster gray = image.getRaster();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int v = gray.getSample(x, y, 0);
                    rgb.setRGB(x, y, v << 16 | v << 8 | v);
                }
            }
            return rgb;
        }
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, java.awt.Color.BLACK, null);
        g.dispose();
        return rgb;
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
