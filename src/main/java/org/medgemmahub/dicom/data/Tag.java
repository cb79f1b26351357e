package org.medgemmahub.dicom.data;

/** Data element tags (PS3.6) the hub reads, as {@code 0xGGGGEEEE} ints. */
public final class Tag {
    // File Meta Information (group 0002)
    public static final int FILE_META_INFORMATION_GROUP_LENGTH = 0x00020000;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    public static final int SOURCE_APPLICATION_ENTITY_TITLE = 0x00020016;

    // Patient, study, series, instance
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int IMAGE_TYPE = 0x00080008;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int SERIES_DATE = 0x00080021;
    public static final int STUDY_TIME = 0x00080030;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int SERIES_DESCRIPTION = 0x0008103E;
    public static final int PATIENT_ID = 0x00100020;
    public static final int ISSUER_OF_PATIENT_ID = 0x00100021;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int PATIENT_AGE = 0x00101010;
    public static final int BODY_PART_EXAMINED = 0x00180015;
    public static final int SLICE_THICKNESS = 0x00180050;
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int STUDY_ID = 0x00200010;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int INSTANCE_NUMBER = 0x00200013;
    public static final int IMAGE_POSITION_PATIENT = 0x00200032;
    public static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
    public static final int SLICE_LOCATION = 0x00201041;

    // Image Pixel module and pixel transformations (group 0028)
    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int PLANAR_CONFIGURATION = 0x00280006;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int PIXEL_SPACING = 0x00280030;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int HIGH_BIT = 0x00280102;
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    public static final int SMALLEST_IMAGE_PIXEL_VALUE = 0x00280106;
    public static final int LARGEST_IMAGE_PIXEL_VALUE = 0x00280107;
    public static final int PIXEL_PADDING_VALUE = 0x00280120;
    public static final int WINDOW_CENTER = 0x00281050;
    public static final int WINDOW_WIDTH = 0x00281051;
    public static final int RESCALE_INTERCEPT = 0x00281052;
    public static final int RESCALE_SLOPE = 0x00281053;
    public static final int RESCALE_TYPE = 0x00281054;
    public static final int WINDOW_CENTER_WIDTH_EXPLANATION = 0x00281055;
    public static final int VOI_LUT_FUNCTION = 0x00281056;
    public static final int LOSSY_IMAGE_COMPRESSION = 0x00282110;
    public static final int MODALITY_LUT_SEQUENCE = 0x00283000;
    public static final int LUT_DESCRIPTOR = 0x00283002;
    public static final int MODALITY_LUT_TYPE = 0x00283004;
    public static final int LUT_DATA = 0x00283006;
    public static final int VOI_LUT_SEQUENCE = 0x00283010;
    public static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
    public static final int FRAME_VOI_LUT_SEQUENCE = 0x00289132;
    public static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
    public static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
    public static final int PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;

    public static final int PIXEL_DATA = 0x7FE00010;

    // Items and delimiters (PS3.5 section 7.5): no VR, in any transfer syntax
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION_ITEM = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION_ITEM = 0xFFFEE0DD;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * {@code (GGGG,EEEE)} as DICOM writes it, for messages. Written out by hand: the parser names the tag in the
     * message of every read that could fail, and String.format was a third of the header parse.
     */
    public static String toString(int tag) {
        char[] text = new char[11];
        text[0] = '(';
        text[5] = ',';
        text[10] = ')';
        for (int i = 0; i < 4; i++) {
            text[4 - i] = HEX[(tag >>> (16 + 4 * i)) & 0xF];
            text[9 - i] = HEX[(tag >>> (4 * i)) & 0xF];
        }
        return new String(text);
    }

    private Tag() {
    }
}
