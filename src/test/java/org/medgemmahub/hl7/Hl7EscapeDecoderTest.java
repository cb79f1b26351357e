package org.medgemmahub.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Hl7EscapeDecoderTest {

    @Test
    void turnsLineBreakCommandsIntoNewlines() {
        assertThat(Hl7EscapeDecoder.decode("one\\.br\\two\\.ce\\three", '\\')).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void endsTheLineAndSkipsLinesForSp() {
        assertThat(Hl7EscapeDecoder.decode("a\\.sp\\b", '\\')).isEqualTo("a\n\nb");
        assertThat(Hl7EscapeDecoder.decode("a\\.sp2\\b", '\\')).isEqualTo("a\n\n\nb");
    }

    @Test
    void capsRepeatCountsSoASenderCannotInflateTheText() {
        assertThat(Hl7EscapeDecoder.decode("a\\.sp999\\b", '\\')).isEqualTo("a" + "\n".repeat(11) + "b");
        assertThat(Hl7EscapeDecoder.decode("a\\.sk3\\b", '\\')).isEqualTo("a   b");
    }

    @Test
    void dropsHighlightingIndentationAndFillModeCommands() {
        assertThat(Hl7EscapeDecoder.decode("\\H\\bold\\N\\ \\.in+4\\x\\.ti-2\\y\\.fi\\z\\.nf\\", '\\'))
                .isEqualTo("bold xyz");
    }

    @Test
    void decodesHexDataAsUtf8OrLatin1() {
        assertThat(Hl7EscapeDecoder.decode("\\X4F4B\\", '\\')).isEqualTo("OK");
        assertThat(Hl7EscapeDecoder.decode("\\XC3A9\\", '\\')).isEqualTo("é");
        assertThat(Hl7EscapeDecoder.decode("\\XE9\\", '\\')).isEqualTo("é");
        assertThat(Hl7EscapeDecoder.decode("a\\X0D0A\\b", '\\')).isEqualTo("a\nb");
    }

    @Test
    void dropsCharacterSetSwitches() {
        assertThat(Hl7EscapeDecoder.decode("a\\C2842\\b\\M2442\\c\\Zlocal\\", '\\')).isEqualTo("abc");
    }

    @Test
    void keepsUnknownSequencesAndLoneEscapeCharacters() {
        assertThat(Hl7EscapeDecoder.decode("C:\\scans\\today", '\\')).isEqualTo("C:\\scans\\today");
        assertThat(Hl7EscapeDecoder.decode("50\\ of them", '\\')).isEqualTo("50\\ of them");
        assertThat(Hl7EscapeDecoder.decode("\\XZZ\\", '\\')).isEqualTo("\\XZZ\\");
        assertThat(Hl7EscapeDecoder.decode("dept \\Cardiology\\ west", '\\')).isEqualTo("dept \\Cardiology\\ west");
    }

    @Test
    void usesTheMessagesEscapeCharacter() {
        assertThat(Hl7EscapeDecoder.decode("one#.br#two\\.br\\", '#')).isEqualTo("one\ntwo\\.br\\");
    }

    @Test
    void tidyingTrimsLineEndsAndOuterBlankLinesButKeepsInnerOnes() {
        assertThat(Hl7TextExtractor.tidy(List.of("", "  first  ", "", "second\t", "", "")))
                .isEqualTo("  first\n\nsecond");
    }
}
