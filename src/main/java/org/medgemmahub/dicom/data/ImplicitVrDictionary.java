package org.medgemmahub.dicom.data;

import java.util.Map;

/**
 * Value representations of the tags the hub interprets, for Implicit VR Little Endian data sets (PS3.6). Any other tag
 * reads as "UN" (raw bytes), or as a sequence when its length is undefined; the hub never needs their values.
 */
final class ImplicitVrDictionary {
    private static final Map<Integer, String> VRS = Map.ofEntries(
            Map.entry(Tag.SPECIFIC_CHARACTER_SET, "CS"), Map.entry(Tag.IMAGE_TYPE, "CS"),
            Map.entry(Tag.SOP_CLASS_UID, "UI"), Map.entry(Tag.SOP_INSTANCE_UID, "UI"),
            Map.entry(Tag.STUDY_DATE, "DA"), Map.entry(Tag.SERIES_DATE, "DA"), Map.entry(Tag.STUDY_TIME, "TM"),
            Map.entry(Tag.ACCESSION_NUMBER, "SH"), Map.entry(Tag.MODALITY, "CS"),
            Map.entry(Tag.STUDY_DESCRIPTION, "LO"), Map.entry(Tag.SERIES_DESCRIPTION, "LO"),
            Map.entry(Tag.PATIENT_ID, "LO"), Map.entry(Tag.ISSUER_OF_PATIENT_ID, "LO"),
            Map.entry(Tag.PATIENT_SEX, "CS"), Map.entry(Tag.PATIENT_AGE, "AS"),
            Map.entry(Tag.BODY_PART_EXAMINED, "CS"), Map.entry(Tag.SLICE_THICKNESS, "DS"),
            Map.entry(Tag.STUDY_INSTANCE_UID, "UI"), Map.entry(Tag.SERIES_INSTANCE_UID, "UI"),
            Map.entry(Tag.STUDY_ID, "SH"), Map.entry(Tag.SERIES_NUMBER, "IS"), Map.entry(Tag.INSTANCE_NUMBER, "IS"),
            Map.entry(Tag.IMAGE_POSITION_PATIENT, "DS"), Map.entry(Tag.IMAGE_ORIENTATION_PATIENT, "DS"),
            Map.entry(Tag.SLICE_LOCATION, "DS"),
            Map.entry(Tag.SAMPLES_PER_PIXEL, "US"), Map.entry(Tag.PHOTOMETRIC_INTERPRETATION, "CS"),
            Map.entry(Tag.PLANAR_CONFIGURATION, "US"), Map.entry(Tag.NUMBER_OF_FRAMES, "IS"),
            Map.entry(Tag.ROWS, "US"), Map.entry(Tag.COLUMNS, "US"), Map.entry(Tag.PIXEL_SPACING, "DS"),
            Map.entry(Tag.BITS_ALLOCATED, "US"), Map.entry(Tag.BITS_STORED, "US"), Map.entry(Tag.HIGH_BIT, "US"),
            Map.entry(Tag.PIXEL_REPRESENTATION, "US"),
            Map.entry(Tag.WINDOW_CENTER, "DS"), Map.entry(Tag.WINDOW_WIDTH, "DS"),
            Map.entry(Tag.RESCALE_INTERCEPT, "DS"), Map.entry(Tag.RESCALE_SLOPE, "DS"),
            Map.entry(Tag.RESCALE_TYPE, "LO"), Map.entry(Tag.WINDOW_CENTER_WIDTH_EXPLANATION, "LO"),
            Map.entry(Tag.VOI_LUT_FUNCTION, "CS"), Map.entry(Tag.LOSSY_IMAGE_COMPRESSION, "CS"),
            Map.entry(Tag.MODALITY_LUT_SEQUENCE, "SQ"), Map.entry(Tag.LUT_DESCRIPTOR, "US"),
            Map.entry(Tag.MODALITY_LUT_TYPE, "LO"), Map.entry(Tag.LUT_DATA, "US"),
            Map.entry(Tag.VOI_LUT_SEQUENCE, "SQ"), Map.entry(Tag.PIXEL_MEASURES_SEQUENCE, "SQ"),
            Map.entry(Tag.FRAME_VOI_LUT_SEQUENCE, "SQ"), Map.entry(Tag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, "SQ"),
            Map.entry(Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, "SQ"),
            Map.entry(Tag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, "SQ"),
            Map.entry(Tag.PIXEL_DATA, "OW"));

    private ImplicitVrDictionary() {
    }

    static String vrOf(int tag) {
        if ((tag & 0xFFFF) == 0) return "UL"; // group length
        return VRS.getOrDefault(tag, "UN");
    }
}
