package org.medgemmahub.dicom.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.medgemmahub.dicom.data.TransferSyntax;
import org.medgemmahub.dicom.fuzz.DataSetLayout.Element;
import org.medgemmahub.dicom.net.Part10Input;

/**
 * Seeded mutations of the sample data sets: bit flips in the header or in Pixel Data, truncation, huge or wrong length
 * fields, garbled VRs, a sequence opened and never closed, Pixel Data shortened, the data set declared in the other
 * VR encoding, sequences nested deeper than the parser allows, and a few unchanged controls. Every case gets a new
 * SOP Instance UID (in its data set and in the File Meta Information the C-STORE takes it from), so duplicate
 * detection never hides one. The same seed always gives the same cases.
 */
final class DicomFileMutator {
    static final String EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int FILLER_SEQUENCE = 0x00400275;
    private static final byte[] ITEM_END = {(byte) 0xFE, (byte) 0xFF, 0x0D, (byte) 0xE0, 0, 0, 0, 0};
    private static final byte[] SEQUENCE_END = {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0};
    private static final String[] VRS = {"OB", "OW", "SQ", "UN", "UT", "US", "UL", "CS", "DS", "UI", "FD", "AT"};

    /** One mutated instance: its data set bytes and what its File Meta Information must say. */
    record Case(int index, String kind, String sample, String sopClassUid, String sopInstanceUid, String transferSyntaxUid, byte[] dataSet) {
    }

    private record Sample(String name, String sopClassUid, String transferSyntaxUid, byte[] dataSet, DataSetLayout layout) {
        boolean explicitVr() {
            return !IMPLICIT.equals(transferSyntaxUid);
        }
    }

    private final Random random;
    private final long seed;
    private final List<Sample> samples = new ArrayList<>();
    private int index;

    DicomFileMutator(long seed, List<Path> sampleFiles) {
        this.random = new Random(seed);
        this.seed = seed;
        for (Path file : sampleFiles) samples.add(load(file));
    }

    /** Every SOP class of the samples (the contexts an SCU must propose). */
    List<String> sopClasses() {
        return samples.stream().map(Sample::sopClassUid).distinct().sorted().toList();
    }

    /** The next case; each kind has about the same share. */
    Case next() {
        Sample sample = samples.get(random.nextInt(samples.size()));
        String uid = uniqueUid(index);
        byte[] data = withSopInstanceUid(sample, uid);
        String syntax = sample.transferSyntaxUid();
        String kind;
        switch (random.nextInt(11)) {
            case 0 -> { kind = "header-bit-flips"; data = flip(data, 0, pixelStart(sample, data), 1 + random.nextInt(8)); }
            case 1 -> { kind = "pixel-bit-flips"; data = flip(data, pixelValueStart(sample, data), data.length, 1 + random.nextInt(64)); }
            case 2 -> { kind = "truncated"; data = Arrays.copyOf(data, random.nextInt(data.length)); }
            case 3 -> { kind = "huge-length"; data = hugeLength(sample, data); }
            case 4 -> { kind = "garbled-vr"; data = sample.explicitVr() ? garbledVr(sample, data) : flip(data, 0, pixelStart(sample, data), 4); }
            case 5 -> { kind = "unclosed-sequence"; data = unclosedSequence(sample, data); }
            case 6 -> { kind = "pixel-data-shortened"; data = shortenedPixelData(sample, data); }
            case 7 -> { kind = "syntax-mismatch"; syntax = sample.explicitVr() ? IMPLICIT : EXPLICIT; }
            case 8 -> { kind = "deep-nesting"; data = insertBeforePixelData(sample, data, nested(sample.explicitVr(), 1 + random.nextInt(40))); }
            case 9 -> { kind = "huge-length-flipped-truncated"; data = hugeLengthFlippedAndTruncated(sample, data); }
            default -> kind = "unchanged";
        }
        return new Case(index++, kind, sample.name(), sample.sopClassUid(), uid, syntax, data);
    }

    /** A UID of its own for each seed (modulo 10^9) and case index (PS3.5 9.1: digits and dots, at most 64 characters). */
    String uniqueUid(int caseIndex) {
        return "2.25." + Math.abs(seed % 1_000_000_000L) + "1" + String.format("%07d", caseIndex);
    }

    private static Sample load(Path file) {
        try {
            Part10Input part10 = Part10Input.read(file);
            byte[] dataSet;
            try (InputStream in = part10.openDataSet()) {
                dataSet = in.readAllBytes();
            }
            boolean explicit = !IMPLICIT.equals(part10.transferSyntaxUid());
            return new Sample(file.getFileName().toString(), part10.sopClassUid(), part10.transferSyntaxUid(), dataSet,
                    DataSetLayout.of(dataSet, explicit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data set with (0008,0018) replaced by {@code uid}, the value re-padded to an even length. */
    private static byte[] withSopInstanceUid(Sample sample, String uid) {
        Element element = sample.layout().find(SOP_INSTANCE_UID).orElseThrow();
        byte[] value = uid.getBytes(StandardCharsets.US_ASCII);
        if (value.length % 2 == 1) value = Arrays.copyOf(value, value.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(sample.dataSet().length + 64);
        out.write(sample.dataSet(), 0, element.lengthOffset());
        out.writeBytes(element.lengthSize() == 2 ? le16(value.length) : le32(value.length));
        out.writeBytes(value);
        out.write(sample.dataSet(), element.end(), sample.dataSet().length - element.end());
        return out.toByteArray();
    }

    private static int pixelStart(Sample sample, byte[] data) {
        return layoutOf(sample, data).find(DataSetLayout.PIXEL_DATA).orElseThrow().start();
    }

    private static int pixelValueStart(Sample sample, byte[] data) {
        return layoutOf(sample, data).find(DataSetLayout.PIXEL_DATA).orElseThrow().valueOffset();
    }

    private byte[] flip(byte[] data, int from, int to, int flips) {
        byte[] copy = data.clone();
        int span = Math.max(1, Math.min(to, copy.length) - from);
        for (int i = 0; i < flips; i++) {
            int at = Math.min(copy.length - 1, from + random.nextInt(span));
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] hugeLength(Sample sample, byte[] data) {
        List<Element> elements = layoutOf(sample, data).elements();
        Element element = elements.get(random.nextInt(elements.size()));
        byte[] copy = data.clone();
        if (element.lengthSize() == 2) {
            put(copy, element.lengthOffset(), le16(0xFFFF));
        } else {
            long[] lengths = {0xFFFFFFF0L, 0x7FFFFFFFL, copy.length + 1 + random.nextInt(1 << 20), DataSetLayout.UNDEFINED};
            put(copy, element.lengthOffset(), le32((int) lengths[random.nextInt(lengths.length)]));
        }
        return copy;
    }

    private byte[] garbledVr(Sample sample, byte[] data) {
        List<Element> elements = layoutOf(sample, data).elements();
        Element element = elements.get(random.nextInt(elements.size()));
        byte[] copy = data.clone();
        byte[] vr = random.nextBoolean() ? VRS[random.nextInt(VRS.length)].getBytes(StandardCharsets.US_ASCII)
                : new byte[] {(byte) random.nextInt(256), (byte) random.nextInt(256)};
        put(copy, element.vrOffset(), vr);
        return copy;
    }

    /** A sequence and its first item, both of undefined length, opened before a random element and never closed. */
    private byte[] unclosedSequence(Sample sample, byte[] data) {
        List<Element> elements = layoutOf(sample, data).elements();
        int at = elements.get(random.nextInt(elements.size())).start();
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        opened.writeBytes(sequenceHeader(sample.explicitVr()));
        opened.writeBytes(itemHeader());
        return insert(data, at, opened.toByteArray());
    }

    private byte[] shortenedPixelData(Sample sample, byte[] data) {
        Element pixels = layoutOf(sample, data).find(DataSetLayout.PIXEL_DATA).orElseThrow();
        if (pixels.undefinedLength() || random.nextBoolean()) {
            // the declared length stays: the value (or the fragments) end early
            return Arrays.copyOf(data, pixels.valueOffset() + random.nextInt(pixels.end() - pixels.valueOffset()));
        }
        // consistently shorter: the element is well formed but holds fewer pixels than Rows x Columns need
        int shorter = (int) (random.nextInt((int) pixels.length()) & ~1);
        byte[] copy = Arrays.copyOf(data, pixels.valueOffset() + shorter);
        put(copy, pixels.lengthOffset(), le32(shorter));
        return copy;
    }

    private byte[] insertBeforePixelData(Sample sample, byte[] data, byte[] inserted) {
        return insert(data, layoutOf(sample, data).find(DataSetLayout.PIXEL_DATA).orElseThrow().start(), inserted);
    }

    private byte[] hugeLengthFlippedAndTruncated(Sample sample, byte[] data) {
        byte[] flipped = flip(hugeLength(sample, data), 0, data.length, 1 + random.nextInt(4));
        return Arrays.copyOf(flipped, flipped.length - random.nextInt(Math.max(1, flipped.length / 4)));
    }

    /** {@code depth} sequences of undefined length, each holding one item that holds the next, all closed. */
    private static byte[] nested(boolean explicitVr, int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            out.writeBytes(sequenceHeader(explicitVr));
            out.writeBytes(itemHeader());
        }
        for (int i = 0; i < depth; i++) {
            out.writeBytes(ITEM_END);
            out.writeBytes(SEQUENCE_END);
        }
        return out.toByteArray();
    }

    private static byte[] sequenceHeader(boolean explicitVr) {
        ByteBuffer header = ByteBuffer.allocate(explicitVr ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) (FILLER_SEQUENCE >>> 16)).putShort((short) FILLER_SEQUENCE);
        if (explicitVr) header.put((byte) 'S').put((byte) 'Q').putShort((short) 0);
        return header.putInt(-1).array();
    }

    private static byte[] itemHeader() {
        return new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, -1, -1, -1, -1};
    }

    private static DataSetLayout layoutOf(Sample sample, byte[] data) {
        return DataSetLayout.of(data, sample.explicitVr());
    }

    private static byte[] insert(byte[] data, int at, byte[] inserted) {
        byte[] out = new byte[data.length + inserted.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(data, at, out, at + inserted.length, data.length - at);
        return out;
    }

    private static void put(byte[] target, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, target, at, bytes.length);
    }

    private static byte[] le16(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8)};
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
