package org.medgemmahub.dicom.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A DICOM Part 10 file (PS3.10): 128-byte preamble, "DICM", the File Meta Information (group 0002, always Explicit VR
 * Little Endian) naming the transfer syntax, then the data set in that syntax.
 *
 * @param fileMeta       the group 0002 elements
 * @param dataSet        the data set (without Pixel Data when read with {@link #readHeader})
 * @param transferSyntax the syntax of the data set, one the hub accepts
 */
public record DicomFile(DicomAttributes fileMeta, DicomAttributes dataSet, TransferSyntax transferSyntax) {
    private static final int PREAMBLE = 128;

    public static DicomFile read(Path file) throws IOException {
        return read(file, false, ReadLimits.DEFAULT);
    }

    /** Reads everything up to Pixel Data: the cheap header read for routing and series grouping. */
    public static DicomFile readHeader(Path file) throws IOException {
        return read(file, true, ReadLimits.DEFAULT);
    }

    public static DicomFile read(Path file, boolean stopBeforePixelData, ReadLimits limits) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            return read(in, stopBeforePixelData, limits);
        }
    }

    public static DicomFile read(InputStream in) throws IOException {
        return read(in, false, ReadLimits.DEFAULT);
    }

    /** Reads a Part 10 stream; the stream is not closed. */
    public static DicomFile read(InputStream in, boolean stopBeforePixelData, ReadLimits limits) throws IOException {
        DicomInput input = new DicomInput(in, limits, 0);
        input.readAscii(PREAMBLE, "the 128-byte preamble");
        if (!"DICM".equals(input.readAscii(4, "the DICM prefix"))) {
            throw new DicomParseException("not a DICOM Part 10 file: no \"DICM\" at offset 128");
        }
        DicomAttributes meta = DicomDataSetReader.readFileMeta(input, limits);
        String uid = meta.getString(Tag.TRANSFER_SYNTAX_UID);
        if (uid == null) throw new DicomParseException("File Meta Information has no Transfer Syntax UID (0002,0010)");
        TransferSyntax syntax = TransferSyntax.of(uid).orElseThrow(() ->
                new DicomParseException("transfer syntax " + uid + " is not one the hub can decode"));
        DicomAttributes dataSet = syntax.deflated()
                ? DicomDataSetReader.read(input.stream(), syntax, stopBeforePixelData, limits)
                : DicomDataSetReader.readFrom(input, syntax, stopBeforePixelData, limits);
        return new DicomFile(meta, dataSet, syntax);
    }

    public String sopClassUid() {
        String uid = dataSet.getString(Tag.SOP_CLASS_UID);
        return uid != null ? uid : fileMeta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID);
    }

    public String sopInstanceUid() {
        String uid = dataSet.getString(Tag.SOP_INSTANCE_UID);
        return uid != null ? uid : fileMeta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
    }
}
