package org.medgemmahub.dicom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.medgemmahub.dicom.image.CtRendering;
import org.medgemmahub.dicom.net.SpoolSync;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * DICOM Storage SCP settings (hub.dicom.*); defaults live in application.yaml. They are the {@code dicom} component's
 * defaults; a route URI may override each one.
 *
 * @param port                   listener port (0 lets the OS choose, for tests)
 * @param bindAddress            address the listener binds to
 * @param aeTitle                the hub's called AE title
 * @param allowedCallingAeTitles calling AE titles let in; empty lets every caller in
 * @param spoolDir               where received instances are written before they are acknowledged
 * @param maxPduLength           largest P-DATA-TF the hub receives (at least 16384)
 * @param artimTimeout           time a new connection has to send its A-ASSOCIATE-RQ
 * @param idleTimeout            an association silent this long is aborted
 * @param maxAssociations        associations served at once (at least 16)
 * @param seriesQuietPeriod      a series with no new instance for this long is stable and sent to the model
 * @param ctRendering            {@code three-window} (MedGemma's CT preparation) or {@code grayscale}
 * @param spoolSync              {@code os} (the answer follows the write to the page cache, like storescp; survives a hub
 *                               crash) or {@code fsync} (the answer follows a sync to disk; survives a power cut)
 * @param maxInstanceSize        largest data set taken; a larger one is drained and answered 0xA700
 */
@ConfigurationProperties("hub.dicom")
public record DicomProperties(
        int port,
        String bindAddress,
        String aeTitle,
        Set<String> allowedCallingAeTitles,
        Path spoolDir,
        int maxPduLength,
        Duration artimTimeout,
        Duration idleTimeout,
        int maxAssociations,
        Duration seriesQuietPeriod,
        CtRendering ctRendering,
        SpoolSync spoolSync,
        DataSize maxInstanceSize) {

    public DicomProperties {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("hub.dicom.port must be 0 to 65535, was " + port);
        if (bindAddress == null || bindAddress.isBlank()) throw new IllegalArgumentException("hub.dicom.bind-address must not be blank");
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.length() > 16 || !aeTitle.equals(aeTitle.trim())) {
            throw new IllegalArgumentException("hub.dicom.ae-title must be 1 to 16 characters without surrounding spaces");
        }
        allowedCallingAeTitles = allowedCallingAeTitles == null ? Set.of() : Set.copyOf(allowedCallingAeTitles);
        if (allowedCallingAeTitles.stream().anyMatch(ae -> ae.isBlank() || ae.length() > 16)) {
            throw new IllegalArgumentException("hub.dicom.allowed-calling-ae-titles must hold AE titles of 1 to 16 characters");
        }
        if (spoolDir == null) throw new IllegalArgumentException("hub.dicom.spool-dir must be set");
        if (maxPduLength < 16384 || maxPduLength > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("hub.dicom.max-pdu-length must be 16384 to 16777216, was " + maxPduLength);
        }
        requirePositive(artimTimeout, "hub.dicom.artim-timeout");
        requirePositive(idleTimeout, "hub.dicom.idle-timeout");
        if (maxAssociations < 16) throw new IllegalArgumentException("hub.dicom.max-associations must be at least 16, was " + maxAssociations);
        requirePositive(seriesQuietPeriod, "hub.dicom.series-quiet-period");
        if (ctRendering == null) throw new IllegalArgumentException("hub.dicom.ct-rendering must be three-window or grayscale");
        if (spoolSync == null) throw new IllegalArgumentException("hub.dicom.spool-sync must be os or fsync");
        if (maxInstanceSize == null || maxInstanceSize.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.dicom.max-instance-size must be a positive size, e.g. 2GB");
        }
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) throw new IllegalArgumentException(key + " must be a positive duration");
    }
}
