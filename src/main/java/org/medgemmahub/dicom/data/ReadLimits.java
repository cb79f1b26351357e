package org.medgemmahub.dicom.data;

/**
 * Bounds on what a parse may allocate, so a corrupt or hostile length fails with a {@link DicomParseException}
 * instead of an OutOfMemoryError. Values are also read in growing chunks, never allocated from the declared length
 * alone, so a truncated file never costs more memory than its actual size.
 *
 * @param maxValueLength largest single value (Pixel Data included), in bytes
 * @param maxTotalBytes  largest data set, in bytes, summed over all values read
 * @param maxDepth       deepest sequence nesting
 */
public record ReadLimits(long maxValueLength, long maxTotalBytes, int maxDepth) {
    /** 512 MiB per value, 1 GiB per data set, 16 nested sequences. */
    public static final ReadLimits DEFAULT = new ReadLimits(512L << 20, 1L << 30, 16);

    public ReadLimits {
        if (maxValueLength <= 0 || maxTotalBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }
}
