package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.medgemmahub.pipeline.ModelImages;

/**
 * An image attached to a report, ready for the model: decoded with ImageIO and re-encoded by {@link ModelImages}.
 *
 * @param jpegBase64 the model JPEG, base64
 * @param modality   DICOM modality code (from Media.modality) or null
 */
record ReportImage(String jpegBase64, String modality) {

    static boolean isImage(String mediaType) {
        return mediaType.startsWith("image/");
    }

    static ReportImage decode(AttachmentBytes attachment, String modality, String where) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(attachment.bytes()));
        } catch (IOException e) {
            image = null;
        }
        if (image == null)
            throw new UnprocessableEntityException("FHIR-INTAKE-BAD-IMAGE: " + where + " (" + attachment.contentType()
                    + ") is not an image the hub can decode (JPEG, PNG, GIF, BMP)");
        return new ReportImage(Base64.getEncoder().encodeToString(ModelImages.toModelJpeg(image)), modality);
    }
}
