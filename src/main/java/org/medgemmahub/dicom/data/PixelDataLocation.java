package org.medgemmahub.dicom.data;

import java.util.Arrays;

/**
 * Where the top-level Pixel Data of a data set lies, recorded instead of reading it: for native Pixel Data the value's
 * offset and length; for encapsulated Pixel Data the Basic Offset Table (small: four bytes a frame) and each fragment's
 * offset, length and whether it opens a JPEG / JPEG 2000 codestream. Offsets count from the start of the file, or of
 * the inflated data set for the deflated transfer syntax.
 *
 * @param vr        OB or OW (as encoded, or from the dictionary in implicit VR)
 * @param bigEndian native words are big endian (the big endian transfer syntax)
 */
public record PixelDataLocation(String vr, boolean bigEndian, long valueOffset, long valueLength, byte[] offsetTable,
                                long[] fragmentOffsets, long[] fragmentLengths, boolean[] fragmentStartsFrame) {

    static PixelDataLocation nativeValue(String vr, boolean bigEndian, long offset, long length) {
        return new PixelDataLocation(vr, bigEndian, offset, length, null, null, null, null);
    }

    static PixelDataLocation encapsulated(String vr, byte[] offsetTable, FragmentList fragments) {
        return new PixelDataLocation(vr, false, -1, -1, offsetTable, fragments.offsets(), fragments.lengths(),
                fragments.startsFrame());
    }

    public boolean isEncapsulated() {
        return fragmentOffsets != null;
    }

    public int fragmentCount() {
        return isEncapsulated() ? fragmentOffsets.length : 0;
    }

    /** For each frame the index of its first fragment, then the fragment count (see {@link FrameFragments}). */
    public int[] firstFragments(int numberOfFrames) throws DicomParseException {
        if (!isEncapsulated()) throw new IllegalStateException("native Pixel Data has no fragments");
        return FrameFragments.firstFragments(offsetTable, fragmentLengths, fragmentStartsFrame, numberOfFrames);
    }

    /** Fragments as they are found; grows by doubling. */
    static final class FragmentList {
        private long[] offsets = new long[16];
        private long[] lengths = new long[16];
        private boolean[] starts = new boolean[16];
        private int size;

        int size() {
            return size;
        }

        void add(long offset, long length, boolean startsFrame) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
            }
            offsets[size] = offset;
            lengths[size] = length;
            starts[size] = startsFrame;
            size++;
        }

        long[] offsets() {
            return Arrays.copyOf(offsets, size);
        }

        long[] lengths() {
            return Arrays.copyOf(lengths, size);
        }

        boolean[] startsFrame() {
            return Arrays.copyOf(starts, size);
        }
    }
}
