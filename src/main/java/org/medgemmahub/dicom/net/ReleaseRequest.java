package org.medgemmahub.dicom.net;

/** A-RELEASE-RQ (PS3.8 9.3.6). */
public record ReleaseRequest() implements Pdu {
}
