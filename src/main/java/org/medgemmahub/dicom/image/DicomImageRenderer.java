package org.medgemmahub.dicom.image;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.Tag;
import org.medgemmahub.pipeline.ModelImages;
import org.springframework.stereotype.Component;

/**
 * Turns a DICOM instance into the image MedGemma gets: one frame (the middle one of a multi-frame unless told
 * otherwise) at native resolution, through the grayscale or colour pipeline, then {@link ModelImages#toModelJpeg}.
 * Stateless and thread-safe; the Spring bean {@code dicomImageRenderer} for routes, or {@code new} elsewhere.
 */
@Component("dicomImageRenderer")
public class DicomImageRenderer {

    /** The frame rendered at native resolution, 8-bit RGB (grayscale renderings have R = G = B). */
    public BufferedImage render(DicomFile file, RenderOptions options) throws DicomRenderException {
        return renderSamples(file, options).toImage();
    }

    /**
     * The JPEG sent to the model: {@link #render}, fitted within 896x896, quality 85, under 500 KB. Gray frames are
     * scaled before they become RGB, a third of the work.
     */
    public byte[] renderJpeg(DicomFile file, RenderOptions options) throws DicomRenderException {
        return ModelImages.toModelJpeg(renderSamples(file, options).fitted(ModelImages.MAX_SIDE));
    }

    private DisplaySamples renderSamples(DicomFile file, RenderOptions options) throws DicomRenderException {
        PixelDescription d = PixelDescription.of(file.dataSet());
        int frameIndex = frameIndex(d, options);
        FrameSamples frame = PixelFrames.decode(file, d, frameIndex);
        if (d.isMonochrome()) {
            if (frame.components() != 1) throw new DicomRenderException(d.photometric() + " frame with "
                    + frame.components() + " components");
            return GrayscaleRendering.render(frame, d, new FrameAttributes(file.dataSet(), frameIndex),
                    isCt(file) && options.ctRendering() == CtRendering.THREE_WINDOW, options.windowOverride());
        }
        return ColorRendering.render(frame, d);
    }

    /**
     * The window a single-window grayscale rendering uses (explicit, the file's first, or the robust min-max); empty
     * for colour images, VOI LUTs and CT in three-window mode.
     */
    public Optional<VoiWindow> effectiveWindow(DicomFile file, RenderOptions options) throws DicomRenderException {
        PixelDescription d = PixelDescription.of(file.dataSet());
        if (!d.isMonochrome()) return Optional.empty();
        if (isCt(file) && options.ctRendering() == CtRendering.THREE_WINDOW && options.windowOverride() == null) {
            return Optional.empty();
        }
        int frameIndex = frameIndex(d, options);
        FrameAttributes attributes = new FrameAttributes(file.dataSet(), frameIndex);
        ModalityValues values = ModalityValues.of(PixelFrames.decode(file, d, frameIndex), attributes, d.signed());
        VoiFunction voi = GrayscaleRendering.voi(values, d, attributes, options.windowOverride());
        return voi instanceof VoiFunction.Window window ? Optional.of(window.window()) : Optional.empty();
    }

    /** The requested frame, or the middle one (0-based {@code frames / 2}). */
    static int frameIndex(PixelDescription d, RenderOptions options) {
        return options.frameIndex() != null ? options.frameIndex() : d.numberOfFrames() / 2;
    }

    private static boolean isCt(DicomFile file) {
        return "CT".equalsIgnoreCase(file.dataSet().getString(Tag.MODALITY));
    }
}
