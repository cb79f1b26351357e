package org.medgemmahub.dicom.image;

import java.util.Locale;
import org.medgemmahub.dicom.data.DicomAttributes;
import org.medgemmahub.dicom.data.Tag;

/** The Image Pixel module (PS3.3 C.7.6.3) of an instance: how its stored pixel values are laid out. */
record PixelDescription(int rows, int columns, int samplesPerPixel, String photometric, int bitsAllocated,
                        int bitsStored, int highBit, boolean signed, int planarConfiguration, int numberOfFrames) {
    /** 64 Mpixel (8192 x 8192) per frame: far above any radiograph, and a bound on what one render allocates. */
    static final long MAX_PIXELS = 64L << 20;

    static PixelDescription of(DicomAttributes attributes) throws DicomRenderException {
        Integer rows = attributes.getInt(Tag.ROWS);
        Integer columns = attributes.getInt(Tag.COLUMNS);
        Integer bitsAllocated = attributes.getInt(Tag.BITS_ALLOCATED);
        String photometric = attributes.getString(Tag.PHOTOMETRIC_INTERPRETATION);
        if (rows == null || columns == null || bitsAllocated == null || photometric == null) {
            throw new DicomRenderException("no image: Rows, Columns, Bits Allocated or Photometric Interpretation missing");
        }
        if (rows <= 0 || columns <= 0 || rows > 65535 || columns > 65535) {
            throw new DicomRenderException("invalid image size " + columns + "x" + rows);
        }
        if ((long) rows * columns > MAX_PIXELS) {
            throw new DicomRenderException("frame of " + columns + "x" + rows + " is larger than the " + MAX_PIXELS
                    + " pixels the hub renders");
        }
        int samplesPerPixel = attributes.getInt(Tag.SAMPLES_PER_PIXEL, 1);
        if (samplesPerPixel != 1 && samplesPerPixel != 3) {
            throw new DicomRenderException("Samples per Pixel " + samplesPerPixel + " is not supported (1 or 3)");
        }
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new DicomRenderException("Bits Allocated " + bitsAllocated + " is not supported (8, 16 or 32)");
        }
        int bitsStored = attributes.getInt(Tag.BITS_STORED, bitsAllocated);
        int highBit = attributes.getInt(Tag.HIGH_BIT, bitsStored - 1);
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new DicomRenderException("inconsistent Bits Stored " + bitsStored + " / High Bit " + highBit
                    + " for Bits Allocated " + bitsAllocated);
        }
        int frames = Math.max(1, attributes.getInt(Tag.NUMBER_OF_FRAMES, 1));
        return new PixelDescription(rows, columns, samplesPerPixel,
                photometric.toUpperCase(Locale.ROOT), bitsAllocated, bitsStored, highBit,
                attributes.getInt(Tag.PIXEL_REPRESENTATION, 0) == 1, attributes.getInt(Tag.PLANAR_CONFIGURATION, 0),
                frames);
    }

    boolean isMonochrome() {
        return photometric.startsWith("MONOCHROME");
    }

    int pixelCount() {
        return rows * columns;
    }

    /** Bytes of one native (uncompressed) frame; YBR_FULL_422 packs two samples per pixel. */
    long nativeFrameBytes() {
        long samples = "YBR_FULL_422".equals(photometric) ? 2L * pixelCount() : (long) samplesPerPixel * pixelCount();
        return samples * (bitsAllocated / 8);
    }

    /** A decoded value (aligned at bit 0, garbage above Bits Stored allowed) as its stored pixel value. */
    int storedValue(int raw) {
        int value = bitsStored >= 32 ? raw : raw & ((1 << bitsStored) - 1);
        if (signed && bitsStored < 32 && (value & (1 << (bitsStored - 1))) != 0) value -= 1 << bitsStored;
        return value;
    }

    /** Where the stored bits start in a native word (PS3.5 8.1.1: High Bit and Bits Stored). */
    int nativeShift() {
        return highBit + 1 - bitsStored;
    }
}
