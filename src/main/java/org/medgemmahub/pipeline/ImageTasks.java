package org.medgemmahub.pipeline;

import java.util.Locale;
import java.util.Map;

/**
 * Which image prompt template (an {@link InferenceRequest#task()}) fits a modality: DICOM codes (CR, DX, CT, MR, SM,
 * XC, OP) or plain names. Radiographs go to the chest X-ray template only when the body part is the chest or unknown.
 */
public final class ImageTasks {
    public static final String GENERAL = "image-findings";
    public static final String CHEST_XRAY = "image-findings-chest-xray";

    private static final Map<String, String> BY_MODALITY = Map.ofEntries(
            Map.entry("cr", CHEST_XRAY), Map.entry("dx", CHEST_XRAY),
            Map.entry("chest-xray", CHEST_XRAY), Map.entry("cxr", CHEST_XRAY),
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

    /** As {@link #forModality(String)}, but a radiograph of another body part than the chest gets the general template. */
    public static String forModality(String modality, String bodyPart) {
        String task = forModality(modality);
        boolean otherBodyPart = bodyPart != null && !bodyPart.isBlank() && !bodyPart.strip().equalsIgnoreCase("CHEST");
        return CHEST_XRAY.equals(task) && otherBodyPart && !"chest-xray".equalsIgnoreCase(modality)
                && !"cxr".equalsIgnoreCase(modality) ? GENERAL : task;
    }
}
