package org.medgemmahub.dicom.series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Frees the spool once a series' request is durably queued: the request carries the rendered image, so the
 * instances are no longer needed to process, redeliver or replay it.
 */
@Component("seriesSpool")
public class SeriesSpool {
    private static final Logger log = LoggerFactory.getLogger(SeriesSpool.class);

    /** @param seriesJson the collected {@link SeriesInstance}s (JSON array) */
    public void release(String seriesJson) {
        int removed = 0;
        for (SeriesInstance instance : SeriesMembers.read(seriesJson)) {
            try {
                if (Files.deleteIfExists(Path.of(instance.spoolFile()))) removed++;
            } catch (IOException e) {
                log.warn("DICOM-SPOOL-CLEANUP: spooled instance {} not removed: {}", instance.sopInstanceUid(), e.getMessage());
            }
        }
        log.debug("{} spooled instance(s) released", removed);
    }
}
