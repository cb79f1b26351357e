package org.medgemmahub.dicom.image;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * JPEG baseline (the JDK's reader) and JPEG 2000 (jai-imageio-jpeg2000) frames through ImageIO. Reads the raw raster,
 * so no colour conversion happens here: YCbCr stays YCbCr and the photometric interpretation decides what it means.
 * JPEG 2000's own component transform (YBR_RCT / YBR_ICT) is undone by the codec, giving RGB.
 */
final class ImageIoFrameDecoder {
    static final String JPEG = "jpeg";
    static final String JPEG_2000 = "jpeg2000";

    private ImageIoFrameDecoder() {
    }

    /** Decodes a frame whose header must say {@code width} x {@code height} (checked before any pixel is decoded). */
    static FrameSamples decode(byte[] frame, String format, int width, int height) throws DicomRenderException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw new DicomRenderException("no ImageIO reader for " + format + " on the classpath");
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in, true, true);
            if (reader.getWidth(0) != width || reader.getHeight(0) != height) {
                throw new DicomRenderException(format + " frame is " + reader.getWidth(0) + "x" + reader.getHeight(0)
                        + " but the header says " + width + "x" + height);
            }
            Raster raster = reader.canReadRaster() ? reader.readRaster(0, null) : reader.read(0).getRaster();
            int bands = raster.getNumBands();
            int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY(), width, height,
                    new int[width * height * bands]);
            return new FrameSamples(width, height, bands, samples);
        } catch (IOException | RuntimeException e) {
            throw new DicomRenderException(format + " frame does not decode: " + e.getMessage(), e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // jj2000 reports some corrupt codestreams with its own Error subclasses (e.g. NotImplementedError)
            throw new DicomRenderException(format + " frame does not decode: " + e, e);
        } finally {
            reader.dispose();
        }
    }
}
