package org.medgemmahub.dicom.image;

/**
 * The instance has no pixels the hub can render: no Pixel Data (SR, PDF, a header-only read), an unsupported
 * photometric interpretation or bit depth, compressed data that does not decode, or Pixel Data shorter than its
 * frames need. The message says which.
 */
public class DicomRenderException extends Exception {
    public DicomRenderException(String message) {
        super(message);
    }

    public DicomRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
