package org.medgemmahub.api;

import java.awt.image.BufferedImage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * Recognises a DICOM Part 10 file ({@code DICM} at offset 128). Until the hub's DICOM renderer is plugged in here,
 * a DICOM upload is answered with 415 "DICOM rendering not available".
 */
@Component
@ConditionalOnMissingBean(name = "dicomUploadRenderer")
class DicomUploadDecoder implements UploadedImageDecoder {
    static final int PREAMBLE = 128;

    static boolean isDicomPart10(byte[] upload) {
        return upload != null && upload.length >= PREAMBLE + 4 && upload[PREAMBLE] == 'D' && upload[PREAMBLE + 1] == 'I'
                && upload[PREAMBLE + 2] == 'C' && upload[PREAMBLE + 3] == 'M';
    }

    @Override
    public boolean accepts(byte[] upload) {
        return isDicomPart10(upload);
    }

    @Override
    public BufferedImage decode(byte[] upload) {
        throw new ApiRequestException(415, "API-DICOM", "DICOM rendering not available");
    }
}
