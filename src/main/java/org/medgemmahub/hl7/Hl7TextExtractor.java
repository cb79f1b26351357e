package org.medgemmahub.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v251.datatype.FT;
import ca.uhn.hl7v2.model.v251.segment.NTE;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The report text of one order: text OBX values (TX, FT, ST) in order, each repetition on its own line, then the
 * order's notes (NTE-3) after a blank line. Escape sequences are decoded; an OBX with an empty value stays as an empty
 * line, because senders that send one OBX per line use it for paragraph breaks.
 */
final class Hl7TextExtractor {
    static final Set<String> TEXT_VALUE_TYPES = Set.of("TX", "FT", "ST");

    private Hl7TextExtractor() {
    }

    /**
     * @param observations OBX segments, each optionally followed by its NTE segments, in message order
     * @param orderNotes   NTE segments that belong to the order (OBR) itself
     * @param escape       the message's escape character (MSH-2, third character)
     * @return the text with trailing whitespace and leading/trailing blank lines removed; "" when there is none
     */
    static String extract(List<? extends Segment> observations, List<NTE> orderNotes, char escape) throws HL7Exception {
        List<String> lines = new ArrayList<>();
        for (Segment segment : observations) {
            if (segment instanceof OBX obx) addObservation(obx, lines, escape);
            else if (segment instanceof NTE nte) addNote(nte, lines, escape);
        }
        String observationText = tidy(lines);
        lines.clear();
        for (NTE nte : orderNotes) addNote(nte, lines, escape);
        String notesText = tidy(lines);
        if (observationText.isEmpty()) return notesText;
        return notesText.isEmpty() ? observationText : observationText + "\n\n" + notesText;
    }

    private static void addObservation(OBX obx, List<String> lines, char escape) throws HL7Exception {
        String valueType = obx.getValueType().getValue();
        if (valueType == null || !TEXT_VALUE_TYPES.contains(valueType.trim().toUpperCase())) return;
        Varies[] values = obx.getObservationValue();
        if (values.length == 0) lines.add("");
        for (Varies value : values) {
            lines.add(value.getData() instanceof Primitive primitive ? decode(primitive.getValue(), escape) : "");
        }
    }

    private static void addNote(NTE nte, List<String> lines, char escape) {
        for (FT comment : nte.getComment()) lines.add(decode(comment.getValue(), escape));
    }

    private static String decode(String value, char escape) {
        return Hl7EscapeDecoder.decode(value, escape);
    }

    /** Joins lines, trims each line's end and drops blank lines at the start and end. */
    static String tidy(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : String.join("\n", lines).split("\n", -1)) out.add(line.stripTrailing());
        int start = 0;
        int end = out.size();
        while (start < end && out.get(start).isEmpty()) start++;
        while (end > start && out.get(end - 1).isEmpty()) end--;
        return String.join("\n", out.subList(start, end));
    }
}
