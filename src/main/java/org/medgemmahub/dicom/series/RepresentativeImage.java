package org.medgemmahub.dicom.series;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the one image of a stable series that is sent to the model: a single image as it is; of a stack (CT, MR,
 * ...) the middle slice by position along the slice normal, else by Instance Number, else by arrival; of a
 * multi-frame object its middle frame.
 */
public final class RepresentativeImage {

    /** The chosen instance and the zero-based frame to render from it. */
    public record Choice(SeriesInstance instance, int frame) {
    }

    private RepresentativeImage() {
    }

    public static Choice choose(List<SeriesInstance> series) {
        if (series.isEmpty()) throw new IllegalArgumentException("an empty series has no representative image");
        List<SeriesInstance> distinct = series.stream()
                .collect(Collectors.toMap(SeriesInstance::sopInstanceUid, i -> i, (a, b) -> b,
                        LinkedHashMap::new))
                .values().stream().toList();
        List<SeriesInstance> ordered = distinct.stream().sorted(stackOrder(distinct)).toList();
        SeriesInstance middle = ordered.get((ordered.size() - 1) / 2);
        return new Choice(middle, (middle.frames() - 1) / 2);
    }

    private static Comparator<SeriesInstance> stackOrder(List<SeriesInstance> series) {
        if (series.stream().allMatch(i -> i.slicePosition() != null)) {
            return Comparator.comparing(SeriesInstance::slicePosition);
        }
        if (series.stream().allMatch(i -> i.instanceNumber() != null)) {
            return Comparator.comparing(SeriesInstance::instanceNumber);
        }
        return Comparator.comparing(SeriesInstance::receivedAt, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
