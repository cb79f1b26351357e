package org.medgemmahub.dicom;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Peak signal-to-noise ratio of two 8-bit images over R, G and B, after scaling the second to the first's size. */
public final class Psnr {
    private Psnr() {
    }

    /** PSNR in dB; {@link Double#POSITIVE_INFINITY} for identical images. */
    public static double of(BufferedImage reference, BufferedImage candidate) {
        int width = reference.getWidth();
        int height = reference.getHeight();
        BufferedImage scaled = candidate.getWidth() == width && candidate.getHeight() == height
                ? candidate : scale(candidate, width, height);
        double sum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = rgbAt(reference, x, y);
                int b = rgbAt(scaled, x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((a >> shift) & 0xFF) - ((b >> shift) & 0xFF);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * width * height);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** RGB of a pixel; one-band images give their raw sample (getRGB would convert linear gray to sRGB). */
    private static int rgbAt(BufferedImage image, int x, int y) {
        if (image.getRaster().getNumBands() != 1) return image.getRGB(x, y);
        int level = image.getRaster().getSample(x, y, 0) >> (image.getSampleModel().getSampleSize(0) - 8);
        return level << 16 | level << 8 | level;
    }

    private static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
