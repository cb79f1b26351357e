package org.medgemmahub.dicom;

import org.apache.camel.spi.Metadata;

/**
 * Headers of the exchange the {@code dicom} consumer creates for each stored instance. Java identifiers, so JMS keeps
 * them as message properties. UIDs come from the C-STORE command set; the data set itself is in the spool file.
 */
public final class DicomHeaders {
    private DicomHeaders() {
    }

    @Metadata(description = "Affected SOP Class UID of the C-STORE-RQ (0000,0002).", javaType = "String")
    public static final String SOP_CLASS_UID = "DicomSopClassUid";
    @Metadata(description = "Affected SOP Instance UID of the C-STORE-RQ (0000,1000); names the spool file.", javaType = "String")
    public static final String SOP_INSTANCE_UID = "DicomSopInstanceUid";
    @Metadata(description = "Transfer syntax UID of the presentation context the data set arrived on (and of the spool file).", javaType = "String")
    public static final String TRANSFER_SYNTAX_UID = "DicomTransferSyntaxUid";
    @Metadata(description = "The sender's (calling) AE title.", javaType = "String")
    public static final String CALLING_AE_TITLE = "DicomCallingAeTitle";
    @Metadata(description = "The AE title the sender called (the hub's).", javaType = "String")
    public static final String CALLED_AE_TITLE = "DicomCalledAeTitle";
    @Metadata(description = "The sender's address as host:port.", javaType = "String")
    public static final String REMOTE_ADDRESS = "DicomRemoteAddress";
    @Metadata(description = "Absolute path of the Part 10 file in the spool (also the body).", javaType = "String")
    public static final String SPOOL_FILE = "DicomSpoolFile";
    @Metadata(description = "Series Instance UID (0020,000E) read from the data set by dicom-inbound; the series grouping key.", javaType = "String")
    public static final String SERIES_INSTANCE_UID = "DicomSeriesInstanceUid";
    @Metadata(description = "True when the exchange re-delivers an instance found pending in the spool at start-up.", javaType = "Boolean")
    public static final String RECOVERED = "DicomRecovered";
}
