package org.medgemmahub.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.medgemmahub.dicom.DicomProperties;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.image.DicomImageRenderer;
import org.medgemmahub.dicom.image.DicomRenderException;
import org.medgemmahub.dicom.image.RenderOptions;
import org.springframework.stereotype.Component;

/**
 * A DICOM Part 10 upload ({@code DICM} at offset 128) is rendered exactly as a stored instance would be for the model
 * (representative frame, LUTs and windows, CT rendering as configured); one that cannot be read or rendered gets 415
 * with the reason.
 */
@Component
class DicomUploadDecoder implements UploadedImageDecoder {
    static final int PREAMBLE = 128;

    private final DicomImageRenderer renderer;
    private final DicomProperties properties;

    DicomUploadDecoder(DicomImageRenderer renderer, DicomProperties properties) {
        this.renderer = renderer;
        this.properties = properties;
    }

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
        try {
            DicomFile file = DicomFile.read(new ByteArrayInputStream(upload));
            return renderer.render(file, RenderOptions.of(properties.ctRendering()));
        } catch (IOException | DicomRenderException e) {
            throw new ApiRequestException(415, "API-DICOM", "the DICOM file cannot be rendered: " + e.getMessage());
        }
    }
}
