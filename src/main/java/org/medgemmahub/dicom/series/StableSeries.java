package org.medgemmahub.dicom.series;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.medgemmahub.dicom.DicomProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What route dicom-series-stable-check does with the {@link SeriesStore}: claims the series that have been quiet for
 * hub.dicom.series-quiet-period, and decides what a failed one gets: another try after a pause, or, after
 * {@value #MAX_ATTEMPTS} attempts, the dead-letter queue (with its members, so a replay groups it again).
 */
@Component("stableSeries")
public class StableSeries {
    static final int MAX_ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(StableSeries.class);
    private static final int CLAIMS_PER_CHECK = 32;

    private final SeriesStore store;
    private final Duration quietPeriod;
    private final Duration retryPause;

    /** @param retryPause the pause after a series' first failure; it grows by as much after each further one */
    public StableSeries(SeriesStore store, DicomProperties properties,
                        @Value("${hub.dicom.series-retry-pause:5s}") Duration retryPause) {
        this.store = store;
        this.quietPeriod = properties.seriesQuietPeriod();
        this.retryPause = retryPause;
    }

    /** Series now stable and claimed by this hub; one whose members were all taken with an earlier claim is removed. */
    public List<ClaimedSeries> claim() {
        List<ClaimedSeries> claimed = new ArrayList<>();
        for (String seriesUid : store.stable(quietPeriod, CLAIMS_PER_CHECK)) {
            ClaimedSeries series = store.claim(seriesUid, quietPeriod);
            if (series == null) continue; // another hub took it, or an instance arrived
            if (series.members().isEmpty()) {
                store.remove(series);
            } else {
                claimed.add(series);
            }
        }
        return claimed;
    }

    /** @return true when the series has used its attempts and goes to the dead-letter queue; else it is tried again later */
    public boolean failed(ClaimedSeries series, Exception failure) {
        boolean exhausted = series.attempts() >= MAX_ATTEMPTS;
        log.warn("DICOM-SERIES-FAILED: series {} ({} instance(s)), attempt {} of {}: {}{}", series.seriesUid(),
                series.members().size(), series.attempts(), MAX_ATTEMPTS, failure.getMessage(),
                exhausted ? "; dead-lettered" : "; tried again in " + retryPause.multipliedBy(series.attempts()).toMillis() + " ms");
        if (!exhausted) store.retryLater(series, retryPause.multipliedBy(series.attempts()));
        return exhausted;
    }
}
