package org.medgemmahub.dicom.data;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated Pixel Data (PS3.5 A.4): the Basic Offset Table (possibly empty) and the compressed fragments, with the
 * rules for grouping fragments into frames.
 */
public record EncapsulatedPixelData(byte[] offsetTable, List<byte[]> fragments) {

    public EncapsulatedPixelData {
        fragments = List.copyOf(fragments);
    }

    /**
     * The compressed bytes of each frame: by the Basic Offset Table when present; one fragment per frame when the counts
     * match; all fragments as one frame for single-frame images; otherwise a new frame starts at each fragment that
     * opens with a JPEG SOI or a JPEG 2000 SOC marker.
     */
    public List<byte[]> frames(int numberOfFrames) throws DicomParseException {
        if (fragments.isEmpty()) throw new DicomParseException("encapsulated Pixel Data has no fragments");
        if (numberOfFrames <= 1) return List.of(concat(fragments));
        if (offsetTable.length >= 4 * numberOfFrames) return byOffsetTable(numberOfFrames);
        if (fragments.size() == numberOfFrames) return fragments;
        List<List<byte[]>> groups = new ArrayList<>();
        for (byte[] fragment : fragments) {
            if (groups.isEmpty() || startsFrame(fragment)) groups.add(new ArrayList<>());
            groups.get(groups.size() - 1).add(fragment);
        }
        if (groups.size() != numberOfFrames) {
            throw new DicomParseException("cannot split " + fragments.size() + " Pixel Data fragments into "
                    + numberOfFrames + " frames (no Basic Offset Table)");
        }
        return groups.stream().map(EncapsulatedPixelData::concat).toList();
    }

    private List<byte[]> byOffsetTable(int numberOfFrames) throws DicomParseException {
        long[] offsets = new long[numberOfFrames];
        for (int i = 0; i < numberOfFrames; i++) {
            offsets[i] = (offsetTable[4 * i] & 0xFFL) | (offsetTable[4 * i + 1] & 0xFFL) << 8
                    | (offsetTable[4 * i + 2] & 0xFFL) << 16 | (offsetTable[4 * i + 3] & 0xFFL) << 24;
        }
        List<ByteArrayOutputStream> frames = new ArrayList<>();
        long position = 0;
        int frame = -1;
        for (byte[] fragment : fragments) {
            while (frame + 1 < numberOfFrames && offsets[frame + 1] <= position) {
                frame++;
                frames.add(new ByteArrayOutputStream());
            }
            if (frame < 0) throw new DicomParseException("Basic Offset Table does not start at the first fragment");
            frames.get(frame).writeBytes(fragment);
            position += 8L + fragment.length;
        }
        if (frames.size() != numberOfFrames) {
            throw new DicomParseException("Basic Offset Table names " + numberOfFrames + " frames but the fragments hold "
                    + frames.size());
        }
        return frames.stream().map(ByteArrayOutputStream::toByteArray).toList();
    }

    private static boolean startsFrame(byte[] fragment) {
        if (fragment.length < 2 || (fragment[0] & 0xFF) != 0xFF) return false;
        int marker = fragment[1] & 0xFF;
        return marker == 0xD8 || marker == 0x4F;
    }

    private static byte[] concat(List<byte[]> parts) {
        if (parts.size() == 1) return parts.get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
