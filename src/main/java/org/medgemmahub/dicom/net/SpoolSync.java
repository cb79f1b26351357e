package org.medgemmahub.dicom.net;

import java.util.Locale;

/**
 * How durable a spooled instance is when the SCP answers success (hub.dicom.spool-sync).
 * <ul>
 * <li>{@link #FSYNC}: the file's data and its directory entries (file and pending marker, one directory sync for
 * both) are forced to disk first: the instance survives a power cut. Costs one file and one directory sync per
 * instance on the answer's path.</li>
 * <li>{@link #OS}: the file is in the operating system's page cache, as DCMTK storescp leaves it: the instance
 * survives a crash or SIGKILL of the hub, not a power cut before the kernel writes it back. The hub forces it to disk
 * after the answer, before it queues the instance, so what is queued never names a file a power cut could lose.</li>
 * </ul>
 */
public enum SpoolSync {
    FSYNC, OS;

    /** {@code fsync} or {@code os}, case-insensitive. */
    public static SpoolSync of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("spool sync must be fsync or os, was " + name);
        }
    }
}
