package org.medgemmahub.dicom.image;

import java.io.IOException;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.DicomParseException;
import org.medgemmahub.dicom.data.IndexedDicomFile;
import org.medgemmahub.dicom.data.PixelDataLocation;

/**
 * The pixels of an {@link IndexedDicomFile} (read without its Pixel Data): the same checks as {@link PixelDataCheck}
 * made on the recorded layout instead of the bytes, and one frame read from the file as a single-frame
 * {@link DicomFile} the {@link DicomImageRenderer} renders as it is. Memory is bounded by one frame, whatever the
 * number of frames.
 */
public final class IndexedFrames {
    private IndexedFrames() {
    }

    /** Throws a {@link DicomRenderException} saying why the instance's pixels cannot be rendered. */
    public static void requireRenderable(IndexedDicomFile file) throws DicomRenderException {
        PixelDescription d = PixelDescription.of(file.dataSet());
        PixelDataLocation pixelData = file.pixelData();
        if (pixelData == null) throw new DicomRenderException("no Pixel Data (7FE0,0010): nothing to render");
        if (!file.transferSyntax().encapsulated()) {
            if (pixelData.isEncapsulated()) throw new DicomRenderException("encapsulated Pixel Data in a native syntax");
            long needed = d.nativeFrameBytes() * d.numberOfFrames();
            if (pixelData.valueLength() < needed) {
                throw new DicomRenderException("Pixel Data holds " + pixelData.valueLength() + " bytes; " + d.numberOfFrames()
                        + " frame(s) of " + d.columns() + "x" + d.rows() + " need " + needed);
            }
            return;
        }
        if (!pixelData.isEncapsulated()) throw new DicomRenderException("native Pixel Data in " + file.transferSyntax());
        try {
            pixelData.firstFragments(d.numberOfFrames());
        } catch (DicomParseException e) {
            throw new DicomRenderException(e.getMessage(), e);
        }
    }

    /**
     * Frame {@code frameIndex} (0-based) as a single-frame object: render it with {@code RenderOptions.withFrame(0)}.
     * Only that frame's bytes are read from the file.
     */
    public static DicomFile frame(IndexedDicomFile file, int frameIndex) throws DicomRenderException, IOException {
        requireRenderable(file);
        PixelDescription d = PixelDescription.of(file.dataSet());
        if (frameIndex < 0 || frameIndex >= d.numberOfFrames()) {
            throw new DicomRenderException("frame " + (frameIndex + 1) + " requested; the image has " + d.numberOfFrames());
        }
        try {
            if (!file.pixelData().isEncapsulated()) return file.singleFrame(frameIndex, file.nativeFrame(frameIndex, d.nativeFrameBytes()));
            return file.singleFrame(frameIndex, file.frameFragments(frameIndex, d.numberOfFrames()));
        } catch (DicomParseException e) {
            throw new DicomRenderException(e.getMessage(), e);
        }
    }
}
