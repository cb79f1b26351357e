package org.medgemmahub.dicom.net;

/** A-RELEASE-RP (PS3.8 9.3.7). */
public record ReleaseResponse() implements Pdu {
}
