package org.medgemmahub.dicom.series;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medgemmahub.dicom.DicomProperties;
import org.medgemmahub.dicom.net.InstanceSpool;
import org.medgemmahub.dicom.net.SpoolSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The spool as the DICOM routes see it: an instance answered success is forced to disk (in {@code os} spool-sync
 * mode, where the answer did not wait for it) and released from recovery once it is queued; a series' instances are
 * freed once its request is durably queued: the request carries the rendered image, so the instances are no longer
 * needed to process, redeliver or replay it.
 */
@Component("seriesSpool")
public class SeriesSpool {
    private static final Logger log = LoggerFactory.getLogger(SeriesSpool.class);

    private final boolean forceBeforeQueueing;

    public SeriesSpool(DicomProperties properties) {
        this.forceBeforeQueueing = properties.spoolSync() == SpoolSync.OS;
    }

    /** Before the instance is queued: in {@code os} mode its file and directory entries are synced now. */
    public void makeDurable(String spoolFile) throws IOException {
        if (forceBeforeQueueing) InstanceSpool.forceToDisk(Path.of(spoolFile));
    }

    /** After the instance is queued: it is no longer handed off again at start-up. */
    public void handedOff(String spoolFile) throws IOException {
        InstanceSpool.handedOff(Path.of(spoolFile));
    }

    /** Deletes the spooled files of a series whose request is queued. */
    public void release(List<SeriesInstance> series) {
        int removed = 0;
        for (SeriesInstance instance : series) {
            try {
                if (Files.deleteIfExists(Path.of(instance.spoolFile()))) removed++;
            } catch (IOException e) {
                log.warn("DICOM-SPOOL-CLEANUP: spooled instance {} not removed: {}", instance.sopInstanceUid(), e.getMessage());
            }
        }
        log.debug("{} spooled instance(s) released", removed);
    }
}
