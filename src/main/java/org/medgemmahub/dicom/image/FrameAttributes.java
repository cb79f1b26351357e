package org.medgemmahub.dicom.image;

import java.util.List;
import org.medgemmahub.dicom.data.DicomAttributes;
import org.medgemmahub.dicom.data.Tag;

/**
 * Where a frame's pixel transformation attributes live: the top level for classic images, else the per-frame or
 * shared functional group macro of enhanced (multi-frame) images (PS3.3 C.7.6.16).
 */
final class FrameAttributes {
    private final DicomAttributes dataSet;
    private final int frameIndex;

    FrameAttributes(DicomAttributes dataSet, int frameIndex) {
        this.dataSet = dataSet;
        this.frameIndex = frameIndex;
    }

    DicomAttributes top() {
        return dataSet;
    }

    /** The data set holding {@code tag} for this frame: top level, else inside {@code macro} per frame, else shared. */
    DicomAttributes holding(int tag, int macro) {
        if (dataSet.contains(tag)) return dataSet;
        List<DicomAttributes> perFrame = dataSet.getSequence(Tag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
        if (frameIndex < perFrame.size()) {
            DicomAttributes found = first(perFrame.get(frameIndex).getSequence(macro), tag);
            if (found != null) return found;
        }
        List<DicomAttributes> shared = dataSet.getSequence(Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
        if (!shared.isEmpty()) {
            DicomAttributes found = first(shared.get(0).getSequence(macro), tag);
            if (found != null) return found;
        }
        return dataSet;
    }

    private static DicomAttributes first(List<DicomAttributes> items, int tag) {
        return !items.isEmpty() && items.get(0).contains(tag) ? items.get(0) : null;
    }
}
