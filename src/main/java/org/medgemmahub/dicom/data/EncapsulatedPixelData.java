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
        long[] lengths = new long[fragments.size()];
        boolean[] starts = new boolean[fragments.size()];
        for (int i = 0; i < lengths.length; i++) {
            byte[] fragment = fragments.get(i);
            lengths[i] = fragment.length;
            starts[i] = fragment.length >= 2 && FrameFragments.startsFrame(fragment[0], fragment[1]);
        }
        int[] first = FrameFragments.firstFragments(offsetTable, lengths, starts, numberOfFrames);
        List<byte[]> frames = new ArrayList<>(first.length - 1);
        for (int frame = 0; frame + 1 < first.length; frame++) frames.add(concat(fragments.subList(first[frame], first[frame + 1])));
        return frames;
    }

    private static byte[] concat(List<byte[]> parts) {
        if (parts.size() == 1) return parts.get(0);
        if (parts.isEmpty()) return new byte[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
