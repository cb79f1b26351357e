package org.medgemmahub.dicom.data;

/**
 * Which fragments of encapsulated Pixel Data (PS3.5 A.4) make up each frame: by the Basic Offset Table when present;
 * one fragment per frame when the counts match; all fragments as one frame for single-frame images; otherwise a new
 * frame starts at each fragment that opens with a JPEG SOI or a JPEG 2000 SOC marker. Works on fragment lengths and
 * first bytes only, so the fragments themselves may stay on disk.
 */
final class FrameFragments {
    private FrameFragments() {
    }

    /**
     * @param lengths      the length of each fragment (the offset table excluded)
     * @param startsFrame  whether each fragment opens with SOI / SOC
     * @return for each frame the index of its first fragment, plus the fragment count at the end: frame {@code i} is
     *         fragments {@code [first[i], first[i + 1])}
     */
    static int[] firstFragments(byte[] offsetTable, long[] lengths, boolean[] startsFrame, int numberOfFrames)
            throws DicomParseException {
        int count = lengths.length;
        if (count == 0) throw new DicomParseException("encapsulated Pixel Data has no fragments");
        if (numberOfFrames <= 1) return new int[] {0, count};
        if (offsetTable.length >= 4 * numberOfFrames) return byOffsetTable(offsetTable, lengths, numberOfFrames);
        int[] first = new int[numberOfFrames + 1];
        first[numberOfFrames] = count;
        if (count == numberOfFrames) {
            for (int i = 0; i < count; i++) first[i] = i;
            return first;
        }
        int frames = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || startsFrame[i]) {
                if (frames < numberOfFrames) first[frames] = i;
                frames++;
            }
        }
        if (frames != numberOfFrames) {
            throw new DicomParseException("cannot split " + count + " Pixel Data fragments into " + numberOfFrames
                    + " frames (no Basic Offset Table)");
        }
        return first;
    }

    private static int[] byOffsetTable(byte[] offsetTable, long[] lengths, int numberOfFrames) throws DicomParseException {
        long[] offsets = new long[numberOfFrames];
        for (int i = 0; i < numberOfFrames; i++) {
            offsets[i] = (offsetTable[4 * i] & 0xFFL) | (offsetTable[4 * i + 1] & 0xFFL) << 8
                    | (offsetTable[4 * i + 2] & 0xFFL) << 16 | (offsetTable[4 * i + 3] & 0xFFL) << 24;
        }
        int[] first = new int[numberOfFrames + 1];
        long position = 0;
        int frame = -1;
        for (int fragment = 0; fragment < lengths.length; fragment++) {
            while (frame + 1 < numberOfFrames && offsets[frame + 1] <= position) first[++frame] = fragment;
            if (frame < 0) throw new DicomParseException("Basic Offset Table does not start at the first fragment");
            position += 8L + lengths[fragment];
        }
        if (frame + 1 != numberOfFrames) {
            throw new DicomParseException("Basic Offset Table names " + numberOfFrames + " frames but the fragments hold "
                    + (frame + 1));
        }
        first[numberOfFrames] = lengths.length;
        return first;
    }

    /** True when a fragment opens with a JPEG SOI (FFD8) or JPEG 2000 SOC (FF4F) marker. */
    static boolean startsFrame(byte first, byte second) {
        if ((first & 0xFF) != 0xFF) return false;
        int marker = second & 0xFF;
        return marker == 0xD8 || marker == 0x4F;
    }
}
