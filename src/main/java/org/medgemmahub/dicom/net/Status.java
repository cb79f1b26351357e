package org.medgemmahub.dicom.net;

/** DIMSE status codes (PS3.7 annex C) the hub's DICOM layer answers with or reports. */
public final class Status {
    public static final int SUCCESS = 0x0000;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int DATASET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int CANNOT_UNDERSTAND = 0xC000;

    private Status() {
    }

    /** Success (0x0000) or a warning (0x0001, 0xB000-0xBFFF): the instance was stored. */
    public static boolean stored(int status) {
        return status == SUCCESS || status == 0x0001 || (status & 0xF000) == 0xB000;
    }

    public static String hex(int status) {
        return String.format("0x%04X", status);
    }
}
