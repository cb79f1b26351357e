package org.medgemmahub.dicom.net;

import java.nio.file.Path;

/**
 * An instance received by C-STORE and durably spooled as a Part 10 file. The UIDs come from the C-STORE command set
 * (Affected SOP Class/Instance UID), the transfer syntax from the presentation context it arrived on.
 *
 * @param remoteAddress the peer's address as {@code host:port}
 * @param file          the Part 10 file in the spool (meta information written by the hub, data set as received)
 */
public record ReceivedInstance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, String callingAeTitle,
                               String calledAeTitle, String remoteAddress, Path file) {
}
