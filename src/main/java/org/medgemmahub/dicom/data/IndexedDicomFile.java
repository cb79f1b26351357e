package org.medgemmahub.dicom.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A Part 10 file read without its pixels: every element is parsed except the bytes of the top-level Pixel Data, whose
 * place is kept as a {@link PixelDataLocation}; one frame's bytes are read from the file when needed. Memory is bounded
 * by the header, whatever the size of the file (a 1 GB multi-frame object costs a few kilobytes here).
 *
 * @param header        file meta and data set, without Pixel Data
 * @param dataSetOffset where the data set starts in the file (after the File Meta Information)
 * @param pixelData     where Pixel Data is; null when the data set has none
 */
public record IndexedDicomFile(Path path, DicomFile header, long dataSetOffset, PixelDataLocation pixelData) {
    private static final int PREAMBLE = 128;

    public static IndexedDicomFile read(Path path) throws IOException {
        return read(path, ReadLimits.DEFAULT);
    }

    public static IndexedDicomFile read(Path path, ReadLimits limits) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024)) {
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
            long dataSetOffset = input.position();
            DicomInput dataSet = syntax.deflated()
                    ? new DicomInput(new InflaterInputStream(input.stream(), new Inflater(true), 64 * 1024), limits, 0)
                    : input;
            DicomDataSetReader.Indexed indexed = DicomDataSetReader.readIndexed(dataSet, syntax, limits);
            return new IndexedDicomFile(path, new DicomFile(meta, indexed.attributes(), syntax), dataSetOffset,
                    indexed.pixelData());
        }
    }

    public TransferSyntax transferSyntax() {
        return header.transferSyntax();
    }

    public DicomAttributes dataSet() {
        return header.dataSet();
    }

    /**
     * The bytes of native frame {@code frameIndex} ({@code frameBytes} long; little endian even from the big endian
     * syntax), read from the file alone.
     */
    public byte[] nativeFrame(int frameIndex, long frameBytes) throws IOException {
        requirePixelData(false);
        long start = (long) frameIndex * frameBytes;
        if (frameIndex < 0 || frameBytes > Integer.MAX_VALUE || start + frameBytes > pixelData.valueLength()) {
            throw new DicomParseException("frame " + (frameIndex + 1) + " of " + frameBytes + " bytes lies outside Pixel Data of "
                    + pixelData.valueLength() + " bytes");
        }
        byte[] frame = readRegion(pixelData.valueOffset() + start, (int) frameBytes);
        if (pixelData.bigEndian() && "OW".equals(pixelData.vr())) {
            for (int i = 0; i + 1 < frame.length; i += 2) {
                byte b = frame[i];
                frame[i] = frame[i + 1];
                frame[i + 1] = b;
            }
        }
        return frame;
    }

    /** The compressed fragments of frame {@code frameIndex} of {@code numberOfFrames}, read from the file alone. */
    public List<byte[]> frameFragments(int frameIndex, int numberOfFrames) throws IOException {
        requirePixelData(true);
        int[] first = pixelData.firstFragments(numberOfFrames);
        if (frameIndex < 0 || frameIndex + 1 >= first.length) {
            throw new DicomParseException("frame " + (frameIndex + 1) + " requested; Pixel Data holds " + (first.length - 1));
        }
        List<byte[]> fragments = new ArrayList<>();
        for (int i = first[frameIndex]; i < first[frameIndex + 1]; i++) {
            long length = pixelData.fragmentLengths()[i];
            if (length > Integer.MAX_VALUE) throw new DicomParseException("a Pixel Data fragment of " + length + " bytes");
            fragments.add(readRegion(pixelData.fragmentOffsets()[i], (int) length));
        }
        return fragments;
    }

    /**
     * This file as a single-frame object holding only frame {@code frameIndex}: Number of Frames 1, the frame's item of
     * the Per-frame Functional Groups Sequence as its only item, Pixel Data the given frame. Rendering frame 0 of it
     * renders frame {@code frameIndex} of the file.
     */
    public DicomFile singleFrame(int frameIndex, byte[] nativeFrame) {
        return singleFrame(frameIndex, DicomElement.ofValue(Tag.PIXEL_DATA, pixelData.vr(), nativeFrame, false));
    }

    /** As {@link #singleFrame(int, byte[])}, for encapsulated Pixel Data given the frame's fragments. */
    public DicomFile singleFrame(int frameIndex, List<byte[]> fragments) {
        return singleFrame(frameIndex, DicomElement.ofEncapsulated(Tag.PIXEL_DATA, pixelData.vr(),
                new EncapsulatedPixelData(new byte[0], fragments)));
    }

    private DicomFile singleFrame(int frameIndex, DicomElement pixels) {
        DicomAttributes view = new DicomAttributes();
        header.dataSet().elements().values().forEach(view::put);
        view.put(DicomElement.ofValue(Tag.NUMBER_OF_FRAMES, "IS", new byte[] {'1', ' '}, false));
        List<DicomAttributes> perFrame = header.dataSet().getSequence(Tag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
        if (!perFrame.isEmpty()) {
            view.put(DicomElement.ofSequence(Tag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE,
                    frameIndex < perFrame.size() ? List.of(perFrame.get(frameIndex)) : List.of()));
        }
        view.put(pixels);
        return new DicomFile(header.fileMeta(), view, header.transferSyntax());
    }

    private void requirePixelData(boolean encapsulated) throws DicomParseException {
        if (pixelData == null) throw new DicomParseException("no Pixel Data (7FE0,0010)");
        if (pixelData.isEncapsulated() != encapsulated) {
            throw new DicomParseException((pixelData.isEncapsulated() ? "encapsulated" : "native") + " Pixel Data where "
                    + (encapsulated ? "encapsulated" : "native") + " was expected");
        }
    }

    private byte[] readRegion(long offset, int length) throws IOException {
        if (transferSyntax().deflated()) return readInflated(offset, length);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new DicomParseException("truncated: the file ends inside Pixel Data at offset " + (offset + buffer.position()));
                }
            }
        }
        return buffer.array();
    }

    private byte[] readInflated(long offset, int length) throws IOException {
        try (InputStream file = Files.newInputStream(path)) {
            file.skipNBytes(dataSetOffset);
            try (InputStream in = new InflaterInputStream(new BufferedInputStream(file, 64 * 1024), new Inflater(true), 64 * 1024)) {
                in.skipNBytes(offset);
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) throw new DicomParseException("truncated: the deflated data set ends inside Pixel Data");
                return bytes;
            }
        }
    }
}
