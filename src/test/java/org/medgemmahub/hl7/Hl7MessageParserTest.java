package org.medgemmahub.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.model.v251.message.ORM_O01;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.util.Terser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7MessageParserTest {
    private final Hl7MessageParser parser = new Hl7MessageParser(Hl7Fixtures.defaultProperties());

    @ParameterizedTest(name = "{0} (v{1})")
    @CsvSource({
            "oru-r01-v23-ft-escapes.hl7, 2.3",
            "orm-o01-v231.hl7, 2.3.1",
            "oru-r01-v24-two-obr.hl7, 2.4",
            "mdm-t02-v25.hl7, 2.5",
            "oru-r01-v251-tx.hl7, 2.5.1"})
    void parsesEveryAcceptedVersionIntoTheV251StructuresKeepingMsh12(String fixture, String version) throws Exception {
        Message message = parser.parse(Hl7Fixtures.load(fixture));

        assertThat(message.getClass().getPackageName()).isEqualTo("ca.uhn.hl7v2.model.v251.message");
        assertThat(new Terser(message).get("/MSH-12")).isEqualTo(version);
    }

    @Test
    void picksTheStructureFromMsh9() throws Exception {
        assertThat(parser.parse(Hl7Fixtures.oruWithTwoTxObx())).isInstanceOf(ORU_R01.class);
        assertThat(parser.parse(Hl7Fixtures.ormV231())).isInstanceOf(ORM_O01.class);
        assertThat(parser.parse(Hl7Fixtures.mdmT02())).isInstanceOf(MDM_T02.class);
    }

    @Test
    void acceptsLineFeedAndCrLfSegmentSeparators() throws Exception {
        String cr = Hl7Fixtures.oruV24WithTwoObr();

        Message lf = parser.parse(cr.replace('\r', '\n'));
        Message crlf = parser.parse(cr.replace("\r", "\r\n"));

        assertThat(((ORU_R01) lf).getPATIENT_RESULT().getORDER_OBSERVATIONReps()).isEqualTo(2);
        assertThat(((ORU_R01) crlf).getPATIENT_RESULT().getORDER_OBSERVATIONReps()).isEqualTo(2);
    }

    @Test
    void acceptsObxWithAMissingOrUnknownValueType() throws Exception {
        String raw = Hl7Fixtures.oruWithTwoTxObx()
                .replace("OBX|1|TX|", "OBX|1||")
                .replace("OBX|2|TX|", "OBX|2|TEXT|");

        ORU_R01 message = (ORU_R01) parser.parse(raw);

        assertThat(message.getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATIONReps()).isEqualTo(2);
    }

    @Test
    void acceptsAMessageOfExactlyTheMaximumSize() throws Exception {
        String raw = Hl7Fixtures.oruWithTwoTxObx();
        Hl7Properties exact = new Hl7Properties(0, "0.0.0.0", raw.length(), "HUB", "HUB", "report-findings");

        assertThat(new Hl7MessageParser(exact).parse(raw)).isInstanceOf(ORU_R01.class);
    }

    @Test
    void countsMessageSizeInUtf8Bytes() {
        assertThat(Hl7MessageParser.utf8Length("abc")).isEqualTo(3);
        assertThat(Hl7MessageParser.utf8Length("é")).isEqualTo(2);
        assertThat(Hl7MessageParser.utf8Length("€")).isEqualTo(3);
        assertThat(Hl7MessageParser.utf8Length("\uD83D\uDE00")).isEqualTo(4);
    }

    @Test
    void letsInEveryListedSendingFacilityWhateverItsOtherComponents() throws Exception {
        Hl7MessageParser listed = parserAllowing("GENERAL_HOSP", "CLINIC2");

        assertThat(listed.parse(Hl7Fixtures.oruWithTwoTxObx())).isInstanceOf(ORU_R01.class);
        assertThat(listed.parse(Hl7Fixtures.oruWithTwoTxObx().replace("|GENERAL_HOSP|", "|CLINIC2^1.2.3^ISO|")))
                .isInstanceOf(ORU_R01.class);
    }

    @Nested
    class AnswersAr {
        @Test
        void forAMessageLargerThanTheMaximum() {
            String raw = Hl7Fixtures.oruWithTwoTxObx();
            Hl7Properties small = new Hl7Properties(0, "0.0.0.0", raw.length() - 1, "HUB", "HUB", "report-findings");

            Hl7RejectedMessageException e = rejection(new Hl7MessageParser(small), raw);

            assertThat(e.code()).isEqualTo("HL7-TOO-LARGE");
            assertThat(e.getError()).isEqualTo(ErrorCode.APPLICATION_INTERNAL_ERROR);
            assertThat(e.getMessage()).startsWith("HL7-TOO-LARGE: ");
        }

        @Test
        void whenMshIsMissing() {
            Hl7RejectedMessageException e = rejection(parser, Hl7Fixtures.withoutMsh());

            assertThat(e.code()).isEqualTo("HL7-PARSE");
            assertThat(e.getError()).isEqualTo(ErrorCode.SEGMENT_SEQUENCE_ERROR);
        }

        @Test
        void forAnEmptyOrGarbageMessage() {
            assertThat(rejection(parser, "").code()).isEqualTo("HL7-PARSE");
            assertThat(rejection(parser, null).code()).isEqualTo("HL7-PARSE");
            assertThat(rejection(parser, "garbage\u0000\u00ff").code()).isEqualTo("HL7-PARSE");
            assertThat(rejection(parser, "MSH").code()).isEqualTo("HL7-PARSE");
        }

        @Test
        void forBadEncodingCharacters() {
            Hl7RejectedMessageException e = rejection(parser, Hl7Fixtures.withBadEncodingCharacters());

            assertThat(e.code()).isEqualTo("HL7-PARSE");
            assertThat(e.getError()).isEqualTo(ErrorCode.DATA_TYPE_ERROR);
        }

        @Test
        void forAnUnsupportedVersion() {
            Hl7RejectedMessageException e = rejection(parser, Hl7Fixtures.oruV26());

            assertThat(e.code()).isEqualTo("HL7-VERSION");
            assertThat(e.getError()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION_ID);
            assertThat(e.getMessage()).contains("2.6");
        }

        @Test
        void forAMissingVersion() {
            String raw = Hl7Fixtures.oruWithTwoTxObx().replace("|P|2.5.1\r", "|P|\r");

            assertThat(rejection(parser, raw).code()).isEqualTo("HL7-VERSION");
        }

        @Test
        void forAnOlderVersionThan23() {
            String raw = Hl7Fixtures.oruWithTwoTxObx().replace("|P|2.5.1\r", "|P|2.2\r");

            assertThat(rejection(parser, raw).code()).isEqualTo("HL7-VERSION");
        }

        @Test
        void withoutQuotingTheMessageWhenHapiCannotParseIt() {
            String raw = "MSH|^~\\&|QUOTE-ME|HOSP|HUB|HUB|2025||ORU^R01|C1|P|2.5.1\rPID|1||MRN00009\r12|bad\r";

            Hl7RejectedMessageException e = rejection(parser, raw);

            assertThat(e.code()).isEqualTo("HL7-PARSE");
            assertThat(e.getError()).isEqualTo(ErrorCode.SEGMENT_SEQUENCE_ERROR);
            assertThat(e.getMessage()).doesNotContain("QUOTE-ME", "MRN00009");
            assertThat(e.getCause()).isNull();
        }
    }

    @Nested
    class AnswersArWithTableValueNotFound {
        @Test
        void forASendingFacilityNotOnTheAllowList() {
            String raw = Hl7Fixtures.oruWithTwoTxObx().replace("|GENERAL_HOSP|", "|OTHER_HOSP|");

            Hl7RejectedMessageException e = rejection(parserAllowing("GENERAL_HOSP"), raw);

            assertThat(e.code()).isEqualTo("HL7-SENDER");
            assertThat(e.getError()).isEqualTo(ErrorCode.TABLE_VALUE_NOT_FOUND);
            assertThat(e.getMessage()).contains("MSH-4").doesNotContain("MRN");
        }

        @Test
        void forAnEmptySendingFacilityWhenAListIsSet() {
            String raw = Hl7Fixtures.oruWithTwoTxObx().replace("|GENERAL_HOSP|", "||");

            assertThat(rejection(parserAllowing("GENERAL_HOSP"), raw).code()).isEqualTo("HL7-SENDER");
        }
    }

    private static Hl7MessageParser parserAllowing(String... facilities) {
        return new Hl7MessageParser(new Hl7Properties(0, "0.0.0.0", 1_048_576, "HUB", "HUB", "report-findings",
                java.util.Set.of(facilities)));
    }

    private static Hl7RejectedMessageException rejection(Hl7MessageParser parser, String raw) {
        return catchThrowableOfType(Hl7RejectedMessageException.class, () -> parser.parse(raw));
    }
}
