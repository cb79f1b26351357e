package org.medgemmahub.medgemma;

import java.util.Locale;
import java.util.Map;

/** Which image prompt template fits a modality: DICOM codes (CR, DX, CT, MR, SM, XC, OP) or plain names. */
public final class ImageTasks {
    public static final String GENERAL = "image-findings";

    private static final Map<String, String> BY_MODALITY = Map.ofEntries(
            Map.entry("cr", "image-findings-chest-xray"), Map.entry("dx", "image-findings-chest-xray"),
            Map.entry("chest-xray", "image-findings-chest-xray"), Map.entry("cxr", "image-findings-chest-xray"),
            Map.entry("ct", "image-findings-ct"),
            Map.entry("mr", "image-findings-mri"), Map.entry("mri", "image-findings-mri"),
            Map.entry("sm", "image-findings-pathology"), Map.entry("pathology", "image-findings-pathology"),
            Map.entry("xc", "image-findings-dermatology"), Map.entry("dermatology", "image-findings-dermatology"),
            Map.entry("op", "image-findings-ophthalmology"), Map.entry("opt", "image-findings-ophthalmology"),
            Map.entry("ophthalmology", "image-findings-ophthalmology"));

    private ImageTasks() {
    }

    /** The template id for a modality; the general image template when it is unknown or null. */
    public static String forModality(String modality) {
        if (modality == null || modality.isBlank()) return GENERAL;
        return BY_MODALITY.getOrDefault(modality.strip().toLowerCase(Locale.ROOT), GENERAL);
    }
}
