package org.medgemmahub.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A parsed data set (or sequence item): elements by tag, with typed reads. Text values are trimmed of padding and
 * split at backslashes; binary values (US, SS, UL, SL, FL, FD) read in the byte order they were encoded in.
 */
public final class DicomAttributes {
    private final SortedMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
    private Charset charset = StandardCharsets.ISO_8859_1;

    void put(DicomElement element) {
        elements.put(element.tag(), element);
        if (element.tag() == Tag.SPECIFIC_CHARACTER_SET && decode(element).contains("ISO_IR 192")) {
            charset = StandardCharsets.UTF_8;
        }
    }

    void inheritCharset(DicomAttributes parent) {
        this.charset = parent.charset;
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public Optional<DicomElement> get(int tag) {
        return Optional.ofNullable(elements.get(tag));
    }

    /** All elements in tag order. */
    public Map<Integer, DicomElement> elements() {
        return Collections.unmodifiableSortedMap(elements);
    }

    /** The first value, trimmed; null when absent or empty. Binary numbers come back in decimal. */
    public String getString(int tag) {
        String[] values = getStrings(tag);
        return values.length == 0 || values[0].isEmpty() ? null : values[0];
    }

    /** Every value, trimmed; empty when absent. */
    public String[] getStrings(int tag) {
        DicomElement element = elements.get(tag);
        if (element == null || element.isSequence() || element.isEncapsulated() || element.value().length == 0) {
            return new String[0];
        }
        if (isBinaryNumber(element.vr())) {
            double[] numbers = binaryNumbers(element);
            String[] text = new String[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                text[i] = numbers[i] == Math.rint(numbers[i]) ? Long.toString((long) numbers[i]) : Double.toString(numbers[i]);
            }
            return text;
        }
        String[] parts = decode(element).split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) parts[i] = trim(parts[i]);
        return parts;
    }

    /** The first value as an integer (IS, or a binary integer VR); null when absent, empty or not a number. */
    public Integer getInt(int tag) {
        double[] values = getDoubles(tag);
        if (values.length == 0 || Double.isNaN(values[0])) return null;
        return (int) values[0];
    }

    public int getInt(int tag, int defaultValue) {
        Integer value = getInt(tag);
        return value == null ? defaultValue : value;
    }

    /** Every value as a number (DS, IS, FD, FL, US, SS, UL, SL); unparseable text values are NaN. */
    public double[] getDoubles(int tag) {
        DicomElement element = elements.get(tag);
        if (element == null || element.isSequence() || element.isEncapsulated()) return new double[0];
        if (isBinaryNumber(element.vr())) return binaryNumbers(element);
        String[] text = getStrings(tag);
        if (text.length == 1 && text[0].isEmpty()) return new double[0];
        double[] numbers = new double[text.length];
        for (int i = 0; i < text.length; i++) {
            try {
                numbers[i] = Double.parseDouble(text[i]);
            } catch (NumberFormatException e) {
                numbers[i] = Double.NaN;
            }
        }
        return numbers;
    }

    /** The raw value bytes (little endian unless {@link DicomElement#bigEndian()}); null when absent. */
    public byte[] getBytes(int tag) {
        DicomElement element = elements.get(tag);
        return element == null ? null : element.value();
    }

    /** The items of a sequence; empty when absent or not a sequence. */
    public List<DicomAttributes> getSequence(int tag) {
        DicomElement element = elements.get(tag);
        return element == null ? List.of() : element.items();
    }

    /** Pixel Data (7FE0,0010), native or encapsulated; empty when the data set has none (or was read without it). */
    public Optional<DicomElement> pixelData() {
        return get(Tag.PIXEL_DATA);
    }

    public int size() {
        return elements.size();
    }

    private String decode(DicomElement element) {
        return new String(element.value(), charset);
    }

    private static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) <= ' ')) start++;
        while (end > start && (value.charAt(end - 1) <= ' ')) end--;
        return value.substring(start, end);
    }

    static boolean isBinaryNumber(String vr) {
        return switch (vr) {
            case "US", "SS", "UL", "SL", "FL", "FD", "UV", "SV" -> true;
            default -> false;
        };
    }

    private static double[] binaryNumbers(DicomElement element) {
        ByteBuffer buffer = ByteBuffer.wrap(element.value())
                .order(element.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int size = switch (element.vr()) {
            case "US", "SS" -> 2;
            case "UL", "SL", "FL" -> 4;
            default -> 8;
        };
        double[] numbers = new double[element.value().length / size];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = switch (element.vr()) {
                case "US" -> buffer.getShort() & 0xFFFF;
                case "SS" -> buffer.getShort();
                case "UL" -> buffer.getInt() & 0xFFFFFFFFL;
                case "SL" -> buffer.getInt();
                case "FL" -> buffer.getFloat();
                case "FD" -> buffer.getDouble();
                default -> buffer.getLong();
            };
        }
        return numbers;
    }
}
