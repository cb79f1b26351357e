package org.medgemmahub.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medgemmahub.dicom.image.CtRendering;
import org.medgemmahub.dicom.net.SpoolSync;
import org.springframework.util.unit.DataSize;

public class DicomPropertiesTest {
    public static DicomProperties properties(String aeTitle, int maxPduLength, int maxAssociations, Duration idle) {
        return new DicomProperties(11112, "0.0.0.0", aeTitle, null, Path.of("data/dicom/spool"), maxPduLength, Duration.ofSeconds(30), idle,
                maxAssociations, Duration.ofSeconds(10), CtRendering.THREE_WINDOW, SpoolSync.OS, DataSize.ofGigabytes(2));
    }

    @Test
    void treatsAMissingAllowListAsEveryCallerAllowed() {
        assertThat(properties("MEDGEMMA", 16384, 32, Duration.ofSeconds(60)).allowedCallingAeTitles()).isEmpty();
    }

    @Test
    void becomesTheComponentDefaults() {
        DicomProperties properties = new DicomProperties(11112, "0.0.0.0", "HUB", Set.of("PACS1", "PACS2"), Path.of("/var/spool/dicom"),
                32768, Duration.ofSeconds(10), Duration.ofSeconds(90), 40, Duration.ofSeconds(10), CtRendering.GRAYSCALE,
                SpoolSync.FSYNC, DataSize.ofMegabytes(300));

        DicomConfiguration configuration = DicomConfiguration.of(properties);

        assertThat(configuration.getAeTitle()).isEqualTo("HUB");
        assertThat(configuration.allowedCallingAeTitleSet()).containsExactlyInAnyOrder("PACS1", "PACS2");
        assertThat(configuration.getSpoolDir()).isEqualTo("/var/spool/dicom");
        assertThat(configuration.getArtimTimeout()).isEqualTo(10_000);
        assertThat(configuration.getIdleTimeout()).isEqualTo(90_000);
        assertThat(configuration.toScpSettings().maxAssociations()).isEqualTo(40);
        assertThat(configuration.getSpoolSync()).isEqualTo("fsync");
        assertThat(configuration.getMaxInstanceSize()).isEqualTo(300L << 20);
    }

    @Nested
    class Rejects {
        @Test
        void anAeTitleLongerThanSixteenCharacters() {
            assertThatThrownBy(() -> properties("SEVENTEEN-CHARS-X", 16384, 32, Duration.ofSeconds(60)))
                    .hasMessageContaining("hub.dicom.ae-title");
        }

        @Test
        void aMaxPduLengthBelow16384() {
            assertThatThrownBy(() -> properties("MEDGEMMA", 8192, 32, Duration.ofSeconds(60))).hasMessageContaining("hub.dicom.max-pdu-length");
        }

        @Test
        void fewerThanSixteenAssociations() {
            assertThatThrownBy(() -> properties("MEDGEMMA", 16384, 8, Duration.ofSeconds(60))).hasMessageContaining("hub.dicom.max-associations");
        }

        @Test
        void aSpoolSyncModeOtherThanOsOrFsync() {
            DicomConfiguration configuration = new DicomConfiguration();

            assertThatThrownBy(() -> configuration.setSpoolSync("sometimes")).hasMessageContaining("fsync or os");
        }

        @Test
        void aZeroMaxInstanceSize() {
            assertThatThrownBy(() -> new DicomProperties(11112, "0.0.0.0", "HUB", null, Path.of("spool"), 16384, Duration.ofSeconds(30),
                    Duration.ofSeconds(60), 32, Duration.ofSeconds(10), CtRendering.THREE_WINDOW, SpoolSync.OS, DataSize.ofBytes(0)))
                    .hasMessageContaining("hub.dicom.max-instance-size");
        }

        @Test
        void aZeroIdleTimeout() {
            assertThatThrownBy(() -> properties("MEDGEMMA", 16384, 32, Duration.ZERO)).hasMessageContaining("hub.dicom.idle-timeout");
        }
    }
}
