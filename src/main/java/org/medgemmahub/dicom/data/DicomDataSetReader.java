package org.medgemmahub.dicom.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a bare data set (no preamble, no File Meta Information) in a given transfer syntax, as the network delivers
 * it: explicit or implicit VR, either byte order, deflated, sequences and items of defined or undefined length, odd
 * lengths, encapsulated Pixel Data. Native OW Pixel Data in big endian is swapped to little endian, so
 * {@link DicomElement#value()} of Pixel Data is always little endian.
 */
public final class DicomDataSetReader {
    private static final long UNDEFINED = 0xFFFFFFFFL;
    /** Fragments an index holds at most (17 bytes each): far above one fragment per frame of any real object. */
    private static final int MAX_INDEXED_FRAGMENTS = 1 << 20;
    private static final Set<String> LONG_LENGTH_VRS =
            Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

    private final DicomInput input;
    private final boolean stopBeforePixelData;
    private final ReadLimits limits;
    /** Set when the top-level Pixel Data is to be indexed (skipped, its place recorded) rather than read. */
    private final boolean indexPixelData;
    private PixelDataLocation pixelData;

    private DicomDataSetReader(DicomInput input, boolean stopBeforePixelData, ReadLimits limits) {
        this(input, stopBeforePixelData, limits, false);
    }

    private DicomDataSetReader(DicomInput input, boolean stopBeforePixelData, ReadLimits limits, boolean indexPixelData) {
        this.input = input;
        this.stopBeforePixelData = stopBeforePixelData;
        this.limits = limits;
        this.indexPixelData = indexPixelData;
    }

    /** A data set read with its top-level Pixel Data skipped; {@code pixelData} says where it is (null: none). */
    record Indexed(DicomAttributes attributes, PixelDataLocation pixelData) {
    }

    /**
     * Reads the whole data set except the bytes of the top-level Pixel Data, which are skipped (a seek on a file) and
     * recorded as a {@link PixelDataLocation}: every other element is parsed, and a Pixel Data element or fragment
     * that runs past the end of the data is a truncation error, so memory stays bounded by the header's size.
     */
    static Indexed readIndexed(DicomInput input, TransferSyntax syntax, ReadLimits limits) throws IOException {
        DicomAttributes attributes = new DicomAttributes();
        DicomDataSetReader reader = new DicomDataSetReader(input, false, limits, true);
        reader.readItems(attributes, new Encoding(syntax.explicitVr(), syntax.bigEndian()), -1, true, 0);
        return new Indexed(attributes, reader.pixelData);
    }

    /** Reads a data set up to the end of {@code in}, with the default limits. */
    public static DicomAttributes read(InputStream in, TransferSyntax syntax, boolean stopBeforePixelData)
            throws IOException {
        return read(in, syntax, stopBeforePixelData, ReadLimits.DEFAULT);
    }

    public static DicomAttributes read(byte[] dataSet, TransferSyntax syntax, boolean stopBeforePixelData)
            throws IOException {
        return read(new ByteArrayInputStream(dataSet), syntax, stopBeforePixelData, ReadLimits.DEFAULT);
    }

    /**
     * Reads a data set up to the end of {@code in} (or up to Pixel Data when {@code stopBeforePixelData}: Pixel Data and
     * anything after it are left unread). The stream is not closed.
     */
    public static DicomAttributes read(InputStream in, TransferSyntax syntax, boolean stopBeforePixelData,
                                       ReadLimits limits) throws IOException {
        InputStream source = syntax.deflated() ? new InflaterInputStream(in, new Inflater(true), 64 * 1024) : in;
        return readFrom(new DicomInput(source, limits, 0), syntax, stopBeforePixelData, limits);
    }

    static DicomAttributes readFrom(DicomInput input, TransferSyntax syntax, boolean stopBeforePixelData,
                                    ReadLimits limits) throws IOException {
        DicomAttributes attributes = new DicomAttributes();
        new DicomDataSetReader(input, stopBeforePixelData, limits)
                .readItems(attributes, new Encoding(syntax.explicitVr(), syntax.bigEndian()), -1, true, 0);
        return attributes;
    }

    /** Reads the group 0002 elements that follow "DICM" (Explicit VR Little Endian), stopping at the first other group. */
    static DicomAttributes readFileMeta(DicomInput input, ReadLimits limits) throws IOException {
        DicomAttributes meta = new DicomAttributes();
        DicomDataSetReader reader = new DicomDataSetReader(input, false, limits);
        Encoding encoding = new Encoding(true, false);
        while (true) {
            long next = input.peekTag(false);
            if (next < 0 || (next >>> 16) != 0x0002) return meta;
            long start = input.position();
            reader.readElement(meta, input.readTag(false, "a File Meta Information tag"), start, encoding, 0);
        }
    }

    private record Encoding(boolean explicitVr, boolean bigEndian) {
        static final Encoding IMPLICIT_LITTLE = new Encoding(false, false);
    }

    /** Reads elements into {@code target} until {@code end} (a position), an item delimiter, or (top level) EOF. */
    private void readItems(DicomAttributes target, Encoding encoding, long end, boolean topLevel, int depth)
            throws IOException {
        while (true) {
            if (end >= 0) {
                if (input.position() == end) return;
                if (input.position() > end) {
                    throw new DicomParseException("an element overruns its item: offset " + input.position()
                            + " is past the item end at " + end);
                }
            } else if (topLevel && input.atEnd()) {
                return;
            }
            long start = input.position();
            int tag = input.readTag(encoding.bigEndian(), "a data element tag");
            if (tag == Tag.ITEM_DELIMITATION_ITEM) {
                input.readUInt32(encoding.bigEndian(), "an item delimiter");
                if (!topLevel && end < 0) return;
                continue;
            }
            if (topLevel && stopBeforePixelData && Integer.compareUnsigned(tag, Tag.PIXEL_DATA) >= 0) return;
            readElement(target, tag, start, encoding, depth);
        }
    }

    private void readElement(DicomAttributes target, int tag, long start, Encoding encoding, int depth)
            throws IOException {
        String vr;
        long length;
        if (tag == Tag.ITEM || tag == Tag.SEQUENCE_DELIMITATION_ITEM) {
            throw new DicomParseException("unexpected " + Tag.toString(tag) + " outside a sequence at offset " + start);
        }
        if (encoding.explicitVr()) {
            vr = input.readAscii(2, "the VR of " + Tag.toString(tag));
            if (!vr.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new DicomParseException("invalid VR for " + Tag.toString(tag) + " at offset " + start
                        + " (is the transfer syntax right?)");
            }
            if (LONG_LENGTH_VRS.contains(vr)) {
                input.readUInt16(encoding.bigEndian(), "the header of " + Tag.toString(tag));
                length = input.readUInt32(encoding.bigEndian(), "the length of " + Tag.toString(tag));
            } else {
                length = input.readUInt16(encoding.bigEndian(), "the length of " + Tag.toString(tag));
            }
        } else {
            vr = ImplicitVrDictionary.vrOf(tag);
            length = input.readUInt32(false, "the length of " + Tag.toString(tag));
        }
        if (indexPixelData && tag == Tag.PIXEL_DATA && depth == 0) {
            pixelData = length == UNDEFINED ? indexFragments(vr, encoding) : indexValue(vr, length, encoding);
        } else if (tag == Tag.PIXEL_DATA && length == UNDEFINED) {
            target.put(DicomElement.ofEncapsulated(tag, vr, readFragments(encoding)));
        } else if ("SQ".equals(vr) || length == UNDEFINED) {
            // An explicit "UN" of undefined length holds Implicit VR Little Endian items (PS3.5 6.2.2)
            Encoding items = "UN".equals(vr) ? Encoding.IMPLICIT_LITTLE : encoding;
            target.put(DicomElement.ofSequence(tag, readSequence(tag, length, items, target, depth + 1)));
        } else {
            byte[] value = input.readValue(length, tag);
            boolean bigEndian = encoding.bigEndian();
            if (tag == Tag.PIXEL_DATA && bigEndian && "OW".equals(vr)) {
                swapWords(value);
                bigEndian = false;
            }
            target.put(DicomElement.ofValue(tag, vr, value, bigEndian));
        }
    }

    private List<DicomAttributes> readSequence(int tag, long length, Encoding encoding, DicomAttributes parent,
                                               int depth) throws IOException {
        if (depth > limits.maxDepth()) {
            throw new DicomParseException("sequences nested deeper than " + limits.maxDepth() + " at " + Tag.toString(tag)
                    + ", offset " + input.position());
        }
        long end = length == UNDEFINED ? -1 : input.position() + length;
        List<DicomAttributes> items = new ArrayList<>();
        while (end < 0 || input.position() < end) {
            long start = input.position();
            int itemTag = input.readTag(encoding.bigEndian(), "an item of " + Tag.toString(tag));
            long itemLength = input.readUInt32(encoding.bigEndian(), "an item length in " + Tag.toString(tag));
            if (itemTag == Tag.SEQUENCE_DELIMITATION_ITEM) return items;
            if (itemTag != Tag.ITEM) {
                throw new DicomParseException("expected an item in sequence " + Tag.toString(tag) + " at offset " + start
                        + " but found " + Tag.toString(itemTag));
            }
            DicomAttributes item = new DicomAttributes();
            item.inheritCharset(parent);
            readItems(item, encoding, itemLength == UNDEFINED ? -1 : input.position() + itemLength, false, depth);
            items.add(item);
        }
        if (input.position() > end) {
            throw new DicomParseException("sequence " + Tag.toString(tag) + " overruns its declared length (ends at "
                    + end + ", items reach " + input.position() + ")");
        }
        return items;
    }

    private EncapsulatedPixelData readFragments(Encoding encoding) throws IOException {
        byte[] offsetTable = null;
        List<byte[]> fragments = new ArrayList<>();
        while (true) {
            long start = input.position();
            int tag = input.readTag(encoding.bigEndian(), "a Pixel Data fragment");
            long length = input.readUInt32(encoding.bigEndian(), "a Pixel Data fragment length");
            if (tag == Tag.SEQUENCE_DELIMITATION_ITEM) break;
            if (tag != Tag.ITEM || length == UNDEFINED) {
                throw new DicomParseException("broken encapsulated Pixel Data at offset " + start + ": found "
                        + Tag.toString(tag) + " where a fragment item was expected");
            }
            byte[] value = input.readValue(length, Tag.PIXEL_DATA);
            if (offsetTable == null) offsetTable = value;
            else fragments.add(value);
        }
        return new EncapsulatedPixelData(offsetTable == null ? new byte[0] : offsetTable, fragments);
    }

    private PixelDataLocation indexValue(String vr, long length, Encoding encoding) throws IOException {
        long offset = input.position();
        input.skip(length, "Pixel Data (7FE0,0010)");
        return PixelDataLocation.nativeValue(vr, encoding.bigEndian(), offset, length);
    }

    private PixelDataLocation indexFragments(String vr, Encoding encoding) throws IOException {
        byte[] offsetTable = null;
        PixelDataLocation.FragmentList fragments = new PixelDataLocation.FragmentList();
        while (true) {
            long start = input.position();
            int tag = input.readTag(encoding.bigEndian(), "a Pixel Data fragment");
            long length = input.readUInt32(encoding.bigEndian(), "a Pixel Data fragment length");
            if (tag == Tag.SEQUENCE_DELIMITATION_ITEM) break;
            if (tag != Tag.ITEM || length == UNDEFINED) {
                throw new DicomParseException("broken encapsulated Pixel Data at offset " + start + ": found "
                        + Tag.toString(tag) + " where a fragment item was expected");
            }
            if (offsetTable == null) {
                offsetTable = input.readValue(length, Tag.PIXEL_DATA);
                continue;
            }
            if (fragments.size() >= MAX_INDEXED_FRAGMENTS) {
                throw new DicomParseException("encapsulated Pixel Data has more than " + MAX_INDEXED_FRAGMENTS + " fragments");
            }
            long offset = input.position();
            byte[] opening = input.readValue(Math.min(2, length), Tag.PIXEL_DATA);
            input.skip(length - opening.length, "a Pixel Data fragment");
            fragments.add(offset, length, opening.length == 2 && FrameFragments.startsFrame(opening[0], opening[1]));
        }
        return PixelDataLocation.encapsulated(vr, offsetTable == null ? new byte[0] : offsetTable, fragments);
    }

    private static void swapWords(byte[] value) {
        for (int i = 0; i + 1 < value.length; i += 2) {
            byte b = value[i];
            value[i] = value[i + 1];
            value[i + 1] = b;
        }
    }
}
