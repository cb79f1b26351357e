package org.medgemmahub.dicom.image;

import java.util.List;
import org.medgemmahub.dicom.data.DicomElement;
import org.medgemmahub.dicom.data.DicomFile;
import org.medgemmahub.dicom.data.DicomParseException;
import org.medgemmahub.dicom.data.TransferSyntax;

/** Gets one frame's stored values out of Pixel Data, whatever the transfer syntax. */
final class PixelFrames {
    private PixelFrames() {
    }

    static FrameSamples decode(DicomFile file, PixelDescription d, int frameIndex) throws DicomRenderException {
        DicomElement pixelData = file.dataSet().pixelData().orElseThrow(() ->
                new DicomRenderException("no Pixel Data (7FE0,0010): nothing to render"));
        if (frameIndex >= d.numberOfFrames()) {
            throw new DicomRenderException("frame " + (frameIndex + 1) + " requested; the image has "
                    + d.numberOfFrames());
        }
        TransferSyntax syntax = file.transferSyntax();
        if (!syntax.encapsulated()) {
            if (pixelData.isEncapsulated()) throw new DicomRenderException("encapsulated Pixel Data in a native syntax");
            return NativeFrameDecoder.decode(pixelData.value(), d, frameIndex);
        }
        if (!pixelData.isEncapsulated()) throw new DicomRenderException("native Pixel Data in " + syntax);
        byte[] frame;
        try {
            List<byte[]> frames = pixelData.encapsulated().frames(d.numberOfFrames());
            frame = frames.get(frameIndex);
        } catch (DicomParseException e) {
            throw new DicomRenderException(e.getMessage(), e);
        }
        FrameSamples decoded = switch (syntax) {
            case RLE_LOSSLESS -> RleDecoder.decode(frame, d);
            case JPEG_LOSSLESS, JPEG_LOSSLESS_SV1 -> JpegLosslessDecoder.decode(frame);
            case JPEG_BASELINE -> ImageIoFrameDecoder.decode(frame, ImageIoFrameDecoder.JPEG, d.columns(), d.rows());
            case JPEG_2000, JPEG_2000_LOSSLESS -> ImageIoFrameDecoder.decode(frame, ImageIoFrameDecoder.JPEG_2000, d.columns(),
                    d.rows());
            default -> throw new DicomRenderException("no decoder for " + syntax);
        };
        if (syntax == TransferSyntax.RLE_LOSSLESS) return decoded;
        return asStored(decoded, d, syntax == TransferSyntax.JPEG_2000 || syntax == TransferSyntax.JPEG_2000_LOSSLESS);
    }

    /**
     * Codec output (aligned at bit 0) as stored values, checked against the header. JPEG 2000 output is clamped to
     * the Bits Stored range: its values are already signed or unsigned as the codestream says, and lossy coding can
     * overshoot the range by a few units, which masking would wrap into black or white specks.
     */
    private static FrameSamples asStored(FrameSamples decoded, PixelDescription d, boolean clamp)
            throws DicomRenderException {
        int expectedComponents = d.samplesPerPixel();
        if (decoded.width() != d.columns() || decoded.height() != d.rows() || decoded.components() != expectedComponents) {
            throw new DicomRenderException("compressed frame is " + decoded.width() + "x" + decoded.height() + "x"
                    + decoded.components() + " but the header says " + d.columns() + "x" + d.rows() + "x"
                    + expectedComponents);
        }
        int[] data = decoded.data();
        if (clamp) {
            int bits = Math.min(d.bitsStored(), 31);
            int min = d.signed() ? -(1 << (bits - 1)) : 0;
            int max = d.signed() ? (1 << (bits - 1)) - 1 : (int) ((1L << bits) - 1);
            for (int i = 0; i < data.length; i++) data[i] = Math.max(min, Math.min(max, data[i]));
        } else {
            for (int i = 0; i < data.length; i++) data[i] = d.storedValue(data[i]);
        }
        return decoded;
    }
}
