package org.medgemmahub.medgemma;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.medgemmahub.pipeline.ModelImages;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded JPEG, PNG, GIF or BMP into what the model gets: checked against {@code medgemma.max-image-size}
 * and {@code medgemma.allowed-formats} (by its leading bytes, not its name), decoded, then fitted within 896x896 and
 * re-encoded as JPEG quality 85 under 500 KB by {@link ModelImages#toModelJpeg}.
 */
@Component("modelImageInput")
public class ModelImageInput {
    private final MedGemmaProperties properties;

    public ModelImageInput(MedGemmaProperties properties) {
        this.properties = properties;
    }

    /** The format the leading bytes name: jpeg, png, gif or bmp; empty for anything else. */
    public static Optional<String> sniffFormat(byte[] data) {
        if (data == null || data.length < 4) return Optional.empty();
        int b0 = data[0] & 0xff, b1 = data[1] & 0xff, b2 = data[2] & 0xff, b3 = data[3] & 0xff;
        if (b0 == 0xFF && b1 == 0xD8 && b2 == 0xFF) return Optional.of("jpeg");
        if (b0 == 0x89 && b1 == 'P' && b2 == 'N' && b3 == 'G') return Optional.of("png");
        if (b0 == 'G' && b1 == 'I' && b2 == 'F' && b3 == '8') return Optional.of("gif");
        if (b0 == 'B' && b1 == 'M') return Optional.of("bmp");
        return Optional.empty();
    }

    /** Refuses an upload larger than {@code medgemma.max-image-size} (413), before any decoding. */
    public void checkSize(byte[] data) {
        if (data == null || data.length == 0) throw new ImageInputException("IMAGE-EMPTY", 400, "the image is empty");
        if (data.length > properties.maxImageSize().toBytes()) {
            throw new ImageInputException("IMAGE-TOO-LARGE", 413, "the image has " + data.length + " bytes; at most "
                    + properties.maxImageSize().toBytes() + " are accepted (medgemma.max-image-size)");
        }
    }

    /** Checks size and format, then decodes. */
    public BufferedImage decode(byte[] data) {
        checkSize(data);
        String format = sniffFormat(data).orElseThrow(() -> new ImageInputException("IMAGE-FORMAT", 415,
                "not a JPEG, PNG, GIF or BMP image; accepted: " + properties.allowedFormats()));
        if (!properties.allowedFormats().contains(format)) {
            throw new ImageInputException("IMAGE-FORMAT", 415, format + " images are not accepted; accepted: "
                    + properties.allowedFormats() + " (medgemma.allowed-formats)");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            if (image == null) throw new ImageInputException("IMAGE-UNREADABLE", 400, "the " + format + " image cannot be decoded");
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageInputException rejected) throw rejected;
            throw new ImageInputException("IMAGE-UNREADABLE", 400, "the " + format + " image cannot be decoded ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Base64 of the model JPEG for an uploaded image. */
    public String toModelJpegBase64(byte[] data) {
        return toModelJpegBase64(decode(data));
    }

    /** Base64 of the model JPEG for an already decoded image (a rendered DICOM frame). */
    public String toModelJpegBase64(BufferedImage image) {
        return Base64.getEncoder().encodeToString(ModelImages.toModelJpeg(image));
    }
}
