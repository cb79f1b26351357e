package org.medgemmahub.dicom.image;

import java.util.Locale;

/** How CT images become pixels for the model ({@code HUB_DICOM_CT_RENDERING}). */
public enum CtRendering {
    /**
     * MedGemma's own CT preparation: three Hounsfield windows packed into the colour channels (red -1024..1024,
     * green -135..215, blue 0..80).
     */
    THREE_WINDOW("three-window"),
    /** One window (the file's, or an explicit one) rendered in grayscale, like any other modality. */
    GRAYSCALE("grayscale");

    private final String setting;

    CtRendering(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** Parses "three-window" or "grayscale" (case and underscores forgiven); null or blank means THREE_WINDOW. */
    public static CtRendering parse(String value) {
        if (value == null || value.isBlank()) return THREE_WINDOW;
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CtRendering rendering : values()) {
            if (rendering.setting.equals(normalized)) return rendering;
        }
        throw new IllegalArgumentException("CT rendering must be three-window or grayscale, not '" + value + "'");
    }
}
