package org.medgemmahub.dicom;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.medgemmahub.dicom.net.InstanceSpool;
import org.medgemmahub.dicom.net.ScpSettings;
import org.medgemmahub.security.TlsSettings;
import org.medgemmahub.dicom.net.SpoolSync;

/** The options of a {@code dicom:} endpoint; defaults come from {@link DicomProperties} through the component. */
@UriParams
public class DicomConfiguration implements Cloneable {
    @UriParam(defaultValue = "MEDGEMMA")
    @Metadata(description = "The called AE title the SCP answers to; associations to another title are rejected (reason 7).")
    private String aeTitle = "MEDGEMMA";
    @UriParam
    @Metadata(description = "Comma-separated calling AE titles let in; empty lets every caller in. Others are rejected (reason 3).")
    private String allowedCallingAeTitles = "";
    @UriParam(defaultValue = "16384")
    @Metadata(description = "Largest P-DATA-TF PDU the SCP receives, announced in the A-ASSOCIATE-AC.")
    private int maxPduLength = 16384;
    @UriParam(defaultValue = "30000")
    @Metadata(description = "Milliseconds a new connection has to send its A-ASSOCIATE-RQ (ARTIM).")
    private long artimTimeout = 30_000;
    @UriParam(defaultValue = "60000")
    @Metadata(description = "Milliseconds an association may stay silent before it is aborted.")
    private long idleTimeout = 60_000;
    @UriParam(defaultValue = "data/dicom/spool")
    @Metadata(description = "Spool directory; instances are written here before success is answered.")
    private String spoolDir = "data/dicom/spool";
    @UriParam(defaultValue = "32")
    @Metadata(description = "Associations served at once; further callers get A-ASSOCIATE-RJ (transient, local limit exceeded).")
    private int maxAssociations = 32;
    @UriParam(label = "security")
    @Metadata(description = "TLS of the listener (keys, trusted peers, client authentication, protocols); plain TCP when not enabled.")
    private TlsSettings tls = TlsSettings.disabled();
    @UriParam(defaultValue = "fsync", enums = "fsync,os")
    @Metadata(description = "fsync: each instance is synced to disk before success is answered (survives a power cut); "
            + "os: written to the page cache before success (survives a hub crash), synced after the answer.")
    private String spoolSync = "fsync";
    @UriParam(defaultValue = "2147483648")
    @Metadata(description = "Largest data set in bytes; a larger one is drained, dropped and answered 0xA700.")
    private long maxInstanceSize = 2L << 30;

    public String getAeTitle() {
        return aeTitle;
    }

    /** The called AE title the SCP answers to. */
    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle;
    }

    public String getAllowedCallingAeTitles() {
        return allowedCallingAeTitles;
    }

    /** Comma-separated calling AE titles allowed to associate; empty allows all. */
    public void setAllowedCallingAeTitles(String allowedCallingAeTitles) {
        this.allowedCallingAeTitles = allowedCallingAeTitles == null ? "" : allowedCallingAeTitles;
    }

    public int getMaxPduLength() {
        return maxPduLength;
    }

    /** Largest P-DATA-TF PDU received. */
    public void setMaxPduLength(int maxPduLength) {
        this.maxPduLength = maxPduLength;
    }

    public long getArtimTimeout() {
        return artimTimeout;
    }

    /** Milliseconds to wait for the A-ASSOCIATE-RQ of a new connection. */
    public void setArtimTimeout(long artimTimeout) {
        this.artimTimeout = artimTimeout;
    }

    public long getIdleTimeout() {
        return idleTimeout;
    }

    /** Milliseconds of silence after which an association is aborted. */
    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public String getSpoolDir() {
        return spoolDir;
    }

    /** Directory of the spool (layout in the package documentation). */
    public void setSpoolDir(String spoolDir) {
        this.spoolDir = spoolDir;
    }

    public int getMaxAssociations() {
        return maxAssociations;
    }

    /** Associations served at once. */
    public void setMaxAssociations(int maxAssociations) {
        this.maxAssociations = maxAssociations;
    }

    public TlsSettings getTls() {
        return tls;
    }

    /** TLS of the listener; the hub sets it from hub.dicom.tls.*. */
    public void setTls(TlsSettings tls) {
        this.tls = tls == null ? TlsSettings.disabled() : tls;
    }

    public String getSpoolSync() {
        return spoolSync;
    }

    /** {@code fsync} or {@code os}: how durable an instance is when success is answered ({@link SpoolSync}). */
    public void setSpoolSync(String spoolSync) {
        this.spoolSync = SpoolSync.of(spoolSync).name().toLowerCase(java.util.Locale.ROOT);
    }

    public long getMaxInstanceSize() {
        return maxInstanceSize;
    }

    /** Largest data set in bytes taken per instance. */
    public void setMaxInstanceSize(long maxInstanceSize) {
        if (maxInstanceSize <= 0) throw new IllegalArgumentException("maxInstanceSize must be positive: " + maxInstanceSize);
        this.maxInstanceSize = maxInstanceSize;
    }

    /** The spool of this endpoint, with its sync mode and size limit. */
    public InstanceSpool toSpool() {
        return new InstanceSpool(java.nio.file.Path.of(spoolDir), SpoolSync.of(spoolSync), maxInstanceSize);
    }

    /** The allow-list as a set; empty when every caller is let in. */
    public Set<String> allowedCallingAeTitleSet() {
        return Arrays.stream(allowedCallingAeTitles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Settings for the SCP; throws {@link IllegalArgumentException} naming a bad option. */
    public ScpSettings toScpSettings() {
        return new ScpSettings(aeTitle, allowedCallingAeTitleSet(), maxPduLength, java.time.Duration.ofMillis(artimTimeout),
                java.time.Duration.ofMillis(idleTimeout), maxAssociations);
    }

    /** Defaults taken from the hub's configuration. */
    public static DicomConfiguration of(DicomProperties properties) {
        DicomConfiguration configuration = new DicomConfiguration();
        configuration.setAeTitle(properties.aeTitle());
        configuration.setAllowedCallingAeTitles(String.join(",", properties.allowedCallingAeTitles()));
        configuration.setMaxPduLength(properties.maxPduLength());
        configuration.setArtimTimeout(properties.artimTimeout().toMillis());
        configuration.setIdleTimeout(properties.idleTimeout().toMillis());
        configuration.setSpoolDir(properties.spoolDir().toString());
        configuration.setMaxAssociations(properties.maxAssociations());
        configuration.setSpoolSync(properties.spoolSync().name());
        configuration.setMaxInstanceSize(properties.maxInstanceSize().toBytes());
        return configuration;
    }

    public DicomConfiguration copy() {
        try {
            return (DicomConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
