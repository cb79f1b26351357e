package org.medgemmahub.dicom.image;

/** A VOI window in modality units (after rescale), as DICOM's Window Center / Window Width. */
public record VoiWindow(double center, double width) {
    public VoiWindow {
        if (!(width >= 1) || !Double.isFinite(center)) {
            throw new IllegalArgumentException("window width must be at least 1 and the center finite");
        }
    }

    /** Parses "center/width", e.g. "40/400" or "-600/1500". */
    public static VoiWindow parse(String value) {
        String[] parts = value == null ? new String[0] : value.trim().split("/");
        if (parts.length != 2) throw new IllegalArgumentException("window must be center/width, e.g. 40/400");
        try {
            return new VoiWindow(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("window must be center/width, e.g. 40/400", e);
        }
    }

    @Override
    public String toString() {
        return center + "/" + width;
    }
}
