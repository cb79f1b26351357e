package org.medgemmahub.dicom.image;

import java.util.Objects;

/**
 * How to render an instance.
 *
 * @param ctRendering    CT in three windows (MedGemma's preparation) or one grayscale window
 * @param frameIndex     0-based frame to render; null for the representative frame (the middle one)
 * @param windowOverride a window used instead of the file's (grayscale rendering, also for CT); null for none
 */
public record RenderOptions(CtRendering ctRendering, Integer frameIndex, VoiWindow windowOverride) {
    public static final String CT_RENDERING_ENV = "HUB_DICOM_CT_RENDERING";

    public RenderOptions {
        Objects.requireNonNull(ctRendering, "ctRendering");
        if (frameIndex != null && frameIndex < 0) throw new IllegalArgumentException("frame index must be >= 0");
    }

    public static RenderOptions defaults() {
        return new RenderOptions(CtRendering.THREE_WINDOW, null, null);
    }

    public static RenderOptions of(CtRendering ctRendering) {
        return new RenderOptions(ctRendering, null, null);
    }

    public RenderOptions withFrame(int index) {
        return new RenderOptions(ctRendering, index, windowOverride);
    }

    public RenderOptions withWindow(VoiWindow window) {
        return new RenderOptions(ctRendering, frameIndex, window);
    }
}
