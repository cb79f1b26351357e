package org.medgemmahub.dicom.image;

import org.medgemmahub.dicom.data.DicomElement;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.DicomParseException;

/**
 * What can be known about an instance's pixels without decoding them, cheap enough for every received instance: the
 * Image Pixel module is complete and consistent, Pixel Data is encapsulated exactly when the transfer syntax is, native
 * Pixel Data holds every frame Rows, Columns, Samples per Pixel, Bits Allocated and Number of Frames announce, and
 * encapsulated fragments split into that many frames. A compressed stream is not decoded here.
 */
public final class PixelDataCheck {
    private PixelDataCheck() {
    }

    /** Throws a {@link DicomRenderException} saying why the instance's pixels cannot be rendered. */
    public static void requireRenderable(DicomFile file) throws DicomRenderException {
        PixelDescription d = PixelDescription.of(file.dataSet());
        DicomElement pixelData = file.dataSet().pixelData()
                .orElseThrow(() -> new DicomRenderException("no Pixel Data (7FE0,0010): nothing to render"));
        if (!file.transferSyntax().encapsulated()) {
            if (pixelData.isEncapsulated()) throw new DicomRenderException("encapsulated Pixel Data in a native syntax");
            long needed = d.nativeFrameBytes() * d.numberOfFrames();
            if (pixelData.value().length < needed) {
                throw new DicomRenderException("Pixel Data holds " + pixelData.value().length + " bytes; " + d.numberOfFrames()
                        + " frame(s) of " + d.columns() + "x" + d.rows() + " need " + needed);
            }
            return;
        }
        if (!pixelData.isEncapsulated()) throw new DicomRenderException("native Pixel Data in " + file.transferSyntax());
        try {
            pixelData.encapsulated().frames(d.numberOfFrames());
        } catch (DicomParseException e) {
            throw new DicomRenderException(e.getMessage(), e);
        }
    }
}
