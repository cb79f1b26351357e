package org.medgemmahub.dicom.data;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The SOP classes (PS3.4 annex B, PS3.6 annex A) the hub serves: Verification, and image storage it can render. */
public final class SopClasses {
    public static final String VERIFICATION = "1.2.840.10008.1.1";

    /** Image storage SOP classes the hub accepts, by UID, with a short name for logs and errors. */
    public static final Map<String, String> IMAGE_STORAGE = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.1", "CR Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.1", "Digital X-Ray Image Storage - For Presentation"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.1.1", "Digital X-Ray Image Storage - For Processing"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.2", "Digital Mammography X-Ray Image Storage - For Presentation"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.2.1", "Digital Mammography X-Ray Image Storage - For Processing"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2", "CT Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2.1", "Enhanced CT Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.3.1", "Ultrasound Multi-frame Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4", "MR Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4.1", "Enhanced MR Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.6.1", "Ultrasound Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7", "Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.2", "Multi-frame Grayscale Byte Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.3", "Multi-frame Grayscale Word Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.4", "Multi-frame True Color Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12.1", "X-Ray Angiographic Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12.2", "X-Ray Radiofluoroscopic Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.77.1.4", "VL Photographic Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.77.1.5.1", "Ophthalmic Photography 8 Bit Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.77.1.6", "VL Whole Slide Microscopy Image Storage"));

    /** Every abstract syntax the hub's SCP offers in negotiation. */
    public static Set<String> accepted() {
        Set<String> uids = new HashSet<>(IMAGE_STORAGE.keySet());
        uids.add(VERIFICATION);
        return Set.copyOf(uids);
    }

    private SopClasses() {
    }
}
