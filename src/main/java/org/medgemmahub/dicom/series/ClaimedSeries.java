package org.medgemmahub.dicom.series;

import java.util.List;

/**
 * A stable series claimed by this hub from the {@link SeriesStore}.
 *
 * @param seriesUid      the Series Instance UID
 * @param token          the claim, which releasing it must name
 * @param lastInstanceAt when its last member arrived (epoch ms): a newer member after the claim is left for later
 * @param attempts       claims so far, this one included
 * @param members        its instances at the time of the claim
 */
public record ClaimedSeries(String seriesUid, String token, long lastInstanceAt, int attempts, List<SeriesInstance> members) {
    public ClaimedSeries {
        members = List.copyOf(members);
    }
}
