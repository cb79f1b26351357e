package org.medgemmahub.hl7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Turns the escape sequences HAPI leaves in a value into plain text. HAPI's parser already decodes the delimiter
 * escapes (F, S, T, R, E); what remains are the formatting commands of FT/TX ({@code .br}, {@code .sp}, ...),
 * highlighting ({@code H}, {@code N}), hex data ({@code Xhh..}) and character set switches, which plain report text
 * has no use for. An unknown sequence is kept as it was.
 */
final class Hl7EscapeDecoder {
    /** Single-byte (Cxxyy) and multi-byte (Mxxyy[zz]) character set switches, locally defined (Z...) sequences. */
    private static final Pattern CHARACTER_SET_OR_LOCAL =
            Pattern.compile("C\\p{XDigit}{4}|M\\p{XDigit}{4}(\\p{XDigit}{2})?|Z[A-Za-z0-9]{1,10}");

    private Hl7EscapeDecoder() {
    }

    static String decode(String value, char escape) {
        if (value == null) return "";
        if (value.indexOf(escape) < 0) return value;
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int close = c == escape ? value.indexOf(escape, i + 1) : -1;
            String replacement = close > i + 1 ? replacement(value.substring(i + 1, close)) : null;
            if (replacement == null) {
                out.append(c);
                i++;
            } else {
                out.append(replacement);
                i = close + 1;
            }
        }
        return out.toString();
    }

    /** The text for one sequence (without its escape characters), or null when it is not one we know. */
    private static String replacement(String sequence) {
        if (sequence.startsWith(".")) return formatting(sequence.substring(1));
        return switch (sequence.charAt(0)) {
            case 'H', 'N' -> sequence.length() == 1 ? "" : null;
            case 'X' -> hex(sequence.substring(1));
            case 'C', 'M', 'Z' -> CHARACTER_SET_OR_LOCAL.matcher(sequence).matches() ? "" : null;
            default -> null;
        };
    }

    private static String formatting(String command) {
        if (command.length() < 2) return null;
        String name = command.substring(0, 2);
        String argument = command.substring(2).trim();
        return switch (name) {
            case "br", "ce" -> argument.isEmpty() ? "\n" : null;
            case "sp" -> count(argument) < 0 ? null : "\n".repeat(1 + count(argument));
            case "sk" -> count(argument) < 0 ? null : " ".repeat(count(argument));
            case "in", "ti" -> signedNumber(argument) ? "" : null;
            case "fi", "nf" -> argument.isEmpty() ? "" : null;
            default -> null;
        };
    }

    /**
     * The count of .sp (end the line, then skip that many lines) and .sk (skip that many spaces): absent means 1,
     * capped so a sender cannot blow up the text; -1 when it is not a number.
     */
    private static int count(String argument) {
        if (argument.isEmpty()) return 1;
        if (!argument.matches("\\d{1,3}")) return -1;
        return Math.max(1, Math.min(Integer.parseInt(argument), 10));
    }

    private static boolean signedNumber(String argument) {
        return argument.isEmpty() || argument.matches("[+-]?\\d{1,3}");
    }

    /** Hex data as UTF-8 when it is valid UTF-8, else ISO-8859-1; CR/LF become a line break, other controls go. */
    private static String hex(String digits) {
        if (digits.isEmpty() || digits.length() % 2 != 0) return null;
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    }
}
