package org.medgemmahub.api;

import java.awt.image.BufferedImage;

/**
 * Decodes an uploaded file that is not a plain image (JPEG, PNG, GIF, BMP are handled by the model client's own
 * input checks). The image endpoint asks each decoder bean in turn; the first that {@link #accepts} it decodes it.
 */
public interface UploadedImageDecoder {

    /** True when this decoder recognises the upload (by its bytes, not its name). */
    boolean accepts(byte[] upload);

    /**
     * @return the image to send to the model (it is then fitted and JPEG-encoded by the model client)
     * @throws ApiRequestException 415 when the upload is recognised but cannot be rendered
     */
    BufferedImage decode(byte[] upload);
}
