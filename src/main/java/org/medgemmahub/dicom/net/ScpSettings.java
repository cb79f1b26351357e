package org.medgemmahub.dicom.net;

import java.time.Duration;
import java.util.Set;

/**
 * How the Storage SCP negotiates and times associations.
 *
 * @param aeTitle                the called AE title the SCP answers to (others are rejected, reason 7)
 * @param allowedCallingAeTitles calling AE titles let in; empty lets every caller in
 * @param maxPduLength           largest P-DATA-TF the SCP receives, announced in the A-ASSOCIATE-AC
 * @param artimTimeout           how long a new connection may take to send its A-ASSOCIATE-RQ
 * @param idleTimeout            how long an established association may stay silent before it is aborted
 * @param maxAssociations        associations served at once; further callers get A-ASSOCIATE-RJ (transient, local limit)
 */
public record ScpSettings(String aeTitle, Set<String> allowedCallingAeTitles, int maxPduLength, Duration artimTimeout,
                          Duration idleTimeout, int maxAssociations) {
    /** The smallest max PDU length the SCP announces; peers fragment data sets to this size. */
    public static final int MIN_PDU_LENGTH = 4096;

    public ScpSettings {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.length() > 16) throw new IllegalArgumentException("AE title must be 1 to 16 characters: " + aeTitle);
        allowedCallingAeTitles = allowedCallingAeTitles == null ? Set.of() : Set.copyOf(allowedCallingAeTitles);
        if (maxPduLength < MIN_PDU_LENGTH) throw new IllegalArgumentException("max PDU length must be at least " + MIN_PDU_LENGTH + ": " + maxPduLength);
        if (artimTimeout == null || artimTimeout.isNegative() || artimTimeout.isZero()) throw new IllegalArgumentException("ARTIM timeout must be positive");
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
        if (maxAssociations < 1) throw new IllegalArgumentException("max associations must be at least 1: " + maxAssociations);
    }
}
