package org.medgemmahub.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Hl7AckBuilderTest {
    private final Hl7AckBuilder builder = new Hl7AckBuilder(Hl7Fixtures.defaultProperties());
    private final PipeParser hapi = Hl7MessageParser.newParser();

    @Test
    void acceptsWithAaEchoingControlIdTriggerAndVersion() throws Exception {
        String ack = builder.accept(Hl7Fixtures.oruWithTwoTxObx());

        Terser t = parse(ack);
        assertThat(t.get("/MSA-1")).isEqualTo("AA");
        assertThat(t.get("/MSA-2")).isEqualTo("MSG00001");
        assertThat(t.get("/MSH-9-1") + "^" + t.get("/MSH-9-2") + "^" + t.get("/MSH-9-3")).isEqualTo("ACK^R01^ACK");
        assertThat(t.get("/MSH-11")).isEqualTo("P");
        assertThat(t.get("/MSH-12")).isEqualTo("2.5.1");
        assertThat(t.getSegment("/ERR").isEmpty()).isTrue();
    }

    @Test
    void swapsSenderAndReceiverUsingOurNames() throws Exception {
        Terser t = parse(builder.accept(Hl7Fixtures.oruWithTwoTxObx()));

        assertThat(t.get("/MSH-3")).isEqualTo("MEDGEMMA_HUB");
        assertThat(t.get("/MSH-4")).isEqualTo("HUB");
        assertThat(t.get("/MSH-5")).isEqualTo("RIS");
        assertThat(t.get("/MSH-6")).isEqualTo("GENERAL_HOSP");
        assertThat(t.get("/MSH-7")).matches("\\d{14}[+-]\\d{4}");
    }

    @Test
    void echoesAnOlderVersionAndTheProcessingId() throws Exception {
        String raw = Hl7Fixtures.oruV23WithFtEscapes().replace("|MSG00023|P|2.3", "|MSG00023|T|2.3");

        Terser t = parse(builder.accept(raw));

        assertThat(t.get("/MSH-12")).isEqualTo("2.3");
        assertThat(t.get("/MSH-11")).isEqualTo("T");
        assertThat(t.get("/MSA-2")).isEqualTo("MSG00023");
    }

    @Test
    void givesEveryAcknowledgementANewControlIdOfAtMost20Characters() throws Exception {
        String first = parse(builder.accept(Hl7Fixtures.oruWithTwoTxObx())).get("/MSH-10");
        String second = parse(builder.accept(Hl7Fixtures.oruWithTwoTxObx())).get("/MSH-10");

        assertThat(first).isNotEqualTo(second).isNotEqualTo("MSG00001").hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void readsTheHeaderInTheSendersOwnDelimiters() throws Exception {
        String raw = Hl7Fixtures.oruWithTwoTxObx().replace('|', '#').replace('^', '$');

        Terser t = parse(builder.accept(raw));

        assertThat(t.get("/MSA-2")).isEqualTo("MSG00001");
        assertThat(t.get("/MSH-9-2")).isEqualTo("R01");
        assertThat(t.get("/MSH-5")).isEqualTo("RIS");
    }

    @Test
    void separatesSegmentsWithCarriageReturns() {
        String ack = builder.accept(Hl7Fixtures.oruWithTwoTxObx());

        assertThat(ack).startsWith("MSH|^~\\&|").contains("\rMSA|AA|MSG00001").doesNotContain("\n");
    }

    @Nested
    class Rejects {
        @Test
        void withArAndTheErrorCodeForARejectedMessage() throws Exception {
            var cause = new Hl7RejectedMessageException("HL7-VERSION", ErrorCode.UNSUPPORTED_VERSION_ID,
                    "HL7 version 2.6 is not supported");

            Terser t = parse(builder.reject(Hl7Fixtures.oruV26(), cause));

            assertThat(t.get("/MSA-1")).isEqualTo("AR");
            assertThat(t.get("/MSA-2")).isEqualTo("MSG00406");
            assertThat(t.get("/MSH-12")).isEqualTo("2.6");
            assertThat(t.get("/ERR-3-1")).isEqualTo("203");
            assertThat(t.get("/ERR-3-3")).isEqualTo("HL70357");
            assertThat(t.get("/ERR-4")).isEqualTo("E");
            assertThat(t.get("/ERR-8")).isEqualTo("HL7-VERSION: HL7 version 2.6 is not supported");
        }

        @Test
        void withAeAndTheErrorCodeForAnUnusableMessage() throws Exception {
            var cause = new Hl7UnusableMessageException("HL7-NO-TEXT", ErrorCode.REQUIRED_FIELD_MISSING,
                    "no report text in OBX (TX/FT/ST) or NTE");

            Terser t = parse(builder.reject(Hl7Fixtures.oruWithoutText(), cause));

            assertThat(t.get("/MSA-1")).isEqualTo("AE");
            assertThat(t.get("/MSA-2")).isEqualTo("MSG00401");
            assertThat(t.get("/MSH-9-2")).isEqualTo("R01");
            assertThat(t.get("/ERR-3-1")).isEqualTo("101");
            assertThat(t.get("/ERR-8")).startsWith("HL7-NO-TEXT: ");
        }

        @Test
        void withAeForAnyOtherHl7ExceptionKeepingItsCodeButNotItsText() throws Exception {
            var cause = new HL7Exception("value TESTPATIENT^ALPHA is not a date", ErrorCode.DATA_TYPE_ERROR);

            String nak = builder.reject(Hl7Fixtures.oruWithTwoTxObx(), cause);

            Terser t = parse(nak);
            assertThat(t.get("/MSA-1")).isEqualTo("AE");
            assertThat(t.get("/ERR-3-1")).isEqualTo("102");
            assertThat(nak).doesNotContain("TESTPATIENT");
        }

        @Test
        void withAr207AndNoInternalDetailsForAnInternalFailure() throws Exception {
            var cause = new IllegalStateException("connection to broker tcp://10.0.0.7:61616 refused");

            String nak = builder.reject(Hl7Fixtures.oruWithTwoTxObx(), cause);

            Terser t = parse(nak);
            assertThat(t.get("/MSA-1")).isEqualTo("AR");
            assertThat(t.get("/MSA-2")).isEqualTo("MSG00001");
            assertThat(t.get("/ERR-3-1")).isEqualTo("207");
            assertThat(t.get("/ERR-8")).contains("resend");
            assertThat(nak).doesNotContain("10.0.0.7", "broker");
        }

        @Test
        void findsTheHl7ExceptionInsideWrappingCauses() throws Exception {
            var unusable = new Hl7UnusableMessageException("HL7-NO-PATIENT", ErrorCode.REQUIRED_FIELD_MISSING,
                    "no patient identifier in PID-3");
            var wrapped = new RuntimeException("bean invocation failed",
                    new UncheckedIOException(new IOException(unusable)));

            Terser t = parse(builder.reject(Hl7Fixtures.oruWithoutPatient(), wrapped));

            assertThat(t.get("/MSA-1")).isEqualTo("AE");
            assertThat(t.get("/ERR-8")).startsWith("HL7-NO-PATIENT: ");
        }

        @Test
        void fillsErr1AndMsa3ForSendersBeforeV25() throws Exception {
            var cause = new Hl7UnusableMessageException("HL7-NO-TEXT", ErrorCode.REQUIRED_FIELD_MISSING,
                    "no report text in OBX (TX/FT/ST) or NTE");

            Terser t = parse(builder.reject(Hl7Fixtures.oruV23WithFtEscapes(), cause));

            assertThat(t.get("/MSH-12")).isEqualTo("2.3");
            assertThat(t.get("/ERR-1-4-1")).isEqualTo("101");
            assertThat(t.get("/ERR-1-4-3")).isEqualTo("HL70357");
            assertThat(t.get("/MSA-3")).startsWith("HL7-NO-TEXT: ").hasSizeLessThanOrEqualTo(80);
            assertThat(t.get("/ERR-3-1")).isEqualTo("101");
        }

        @Test
        void leavesErr1EmptyFromV25On() throws Exception {
            var cause = new Hl7UnusableMessageException("HL7-NO-TEXT", ErrorCode.REQUIRED_FIELD_MISSING, "x");

            Terser t = parse(builder.reject(Hl7Fixtures.mdmT02(), cause));

            assertThat(t.get("/ERR-1-4-1")).isNull();
            assertThat(t.get("/MSA-3")).isNull();
        }

        @Test
        void keepsTheNakValidWhenTheTextHasLineBreaksAndDelimiters() throws Exception {
            var cause = new Hl7UnusableMessageException("HL7-TEST", ErrorCode.REQUIRED_FIELD_MISSING,
                    "line one\r\nline two | pipe ^ caret ~ tilde & amp \\ backslash");

            String nak = builder.reject(Hl7Fixtures.oruWithTwoTxObx(), cause);

            assertThat(nak.split("\r")).extracting(s -> s.substring(0, 3)).containsExactly("MSH", "MSA", "ERR");
            assertThat(parse(nak).get("/ERR-8"))
                    .isEqualTo("HL7-TEST: line one line two | pipe ^ caret ~ tilde & amp / backslash");
        }

        @Test
        void answersParseableArForGarbageWithoutThrowing() throws Exception {
            for (String garbage : new String[] {"garbage", "", null, "MSH", "MSH|", "\u0000\u0001", "PID|1||X"}) {
                String[] nak = new String[1];
                assertThatNoException().isThrownBy(() -> nak[0] = builder.reject(garbage, new RuntimeException()));

                Terser t = parse(nak[0]);
                assertThat(t.get("/MSA-1")).as("for %s", garbage).isEqualTo("AR");
                assertThat(t.get("/MSA-2")).isNull();
                assertThat(t.get("/MSH-12")).isEqualTo("2.5.1");
                assertThat(t.get("/MSH-9-1")).isEqualTo("ACK");
            }
        }

        @Test
        void answersForAMessageWithoutMshWithAParseRejection() throws Exception {
            var parser = new Hl7MessageParser(Hl7Fixtures.defaultProperties());
            Exception cause = null;
            try {
                parser.parse(Hl7Fixtures.withoutMsh());
            } catch (Hl7RejectedMessageException e) {
                cause = e;
            }

            Terser t = parse(builder.reject(Hl7Fixtures.withoutMsh(), cause));

            assertThat(t.get("/MSA-1")).isEqualTo("AR");
            assertThat(t.get("/ERR-3-1")).isEqualTo("100");
            assertThat(t.get("/ERR-8")).startsWith("HL7-PARSE: ");
        }

        @Test
        void answersArWhenTheCauseIsMissing() throws Exception {
            assertThat(parse(builder.reject(Hl7Fixtures.oruWithTwoTxObx(), null)).get("/MSA-1")).isEqualTo("AR");
        }
    }

    private Terser parse(String er7) throws HL7Exception {
        Message message = hapi.parse(er7);
        assertThat(message).isInstanceOf(ACK.class);
        return new Terser(message);
    }
}
