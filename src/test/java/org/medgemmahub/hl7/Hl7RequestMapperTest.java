package org.medgemmahub.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medgemmahub.pipeline.CodedConcept;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.PatientIdentifier;
import org.medgemmahub.pipeline.PipelineJson;
import org.medgemmahub.pipeline.RequestIds;
import org.medgemmahub.pipeline.SourceKind;

class Hl7RequestMapperTest {
    private static final Instant RECEIVED = Instant.parse("2025-01-01T10:15:00Z");

    private final Hl7MessageParser parser = new Hl7MessageParser(Hl7Fixtures.defaultProperties());
    private final Hl7RequestMapper mapper = new Hl7RequestMapper(Hl7Fixtures.defaultProperties());

    @Test
    void mapsAnOruWithOneObrToOneRequest() throws Exception {
        InferenceRequest request = single(map(Hl7Fixtures.oruWithTwoTxObx()));

        assertThat(request.id()).isEqualTo(RequestIds.of(SourceKind.HL7, "RIS^GENERAL_HOSP", "MSG00001", "1"));
        assertThat(request.sourceKind()).isEqualTo(SourceKind.HL7);
        assertThat(request.sourceId()).isEqualTo("MSG00001");
        assertThat(request.sender()).isEqualTo("RIS^GENERAL_HOSP");
        assertThat(request.accessionNumber()).isEqualTo("ACC3001");
        assertThat(request.procedure()).isEqualTo(new CodedConcept("C4", "71045", "XR CHEST 1 VIEW"));
        assertThat(request.modality()).isEqualTo("CR");
        assertThat(request.task()).isEqualTo("report-findings");
        assertThat(request.imageJpegBase64()).isNull();
        assertThat(request.receivedAt()).isEqualTo(RECEIVED);
        assertThat(request.trace()).containsExactlyInAnyOrderEntriesOf(
                Map.of("mshControlId", "MSG00001", "messageType", "ORU^R01", "version", "2.5.1"));
    }

    @Test
    void joinsRepeatedTxObxInOrder() throws Exception {
        assertThat(single(map(Hl7Fixtures.oruWithTwoTxObx())).text()).isEqualTo(
                "Findings: The lungs are clear. No pleural effusion.\n"
                        + "Impression: No acute cardiopulmonary abnormality.");
    }

    @Test
    void mapsEveryPid3RepetitionWithItsAssigningAuthority() throws Exception {
        assertThat(single(map(Hl7Fixtures.oruWithTwoTxObx())).patientIdentifiers()).containsExactly(
                new PatientIdentifier("MRN00001", "1.2.840.99999.1.1", "MR"),
                new PatientIdentifier("FAKE-NAT-42", "NATREG", "NI"),
                new PatientIdentifier("VISIT77", "CLINIC_A", "VN"));
    }

    @Test
    void neverCarriesPatientNames() throws Exception {
        for (String raw : List.of(Hl7Fixtures.oruWithTwoTxObx(), Hl7Fixtures.mdmT02(), Hl7Fixtures.ormV231())) {
            assertThat(PipelineJson.write(map(raw))).doesNotContain("TESTPATIENT", "ALPHA", "CHARLIE");
        }
    }

    @Test
    void decodesEscapeAndFormattingSequencesOfFtText() throws Exception {
        InferenceRequest request = single(map(Hl7Fixtures.oruV23WithFtEscapes()));

        assertThat(request.text()).isEqualTo("""
                FINDINGS:
                Heart size normal & lungs clear.
                Pressure 120^80 mmHg; ratio 3|4; path C:\\scans; tilde ~ ok

                IMPRESSION: Normal OK study.
                Indented line

                Dictated by a test radiologist.""");
        assertThat(request.trace()).containsEntry("version", "2.3").containsEntry("messageType", "ORU^R01");
    }

    @Test
    void takesTheFillerOrderNumberWhenObr18IsEmpty() throws Exception {
        InferenceRequest request = single(map(Hl7Fixtures.oruV23WithFtEscapes()));

        assertThat(request.accessionNumber()).isEqualTo("FIL2301");
        assertThat(request.procedure()).isEqualTo(new CodedConcept("LOCAL", "CT-HEAD", "CT HEAD WITHOUT CONTRAST"));
        assertThat(request.patientIdentifiers()).containsExactly(new PatientIdentifier("MRN00002", "GENHOSP", "MR"));
    }

    @Test
    void keepsRepetitionsAsLinesAndEmptyObxAsBlankLinesAndSkipsNumericObx() throws Exception {
        InferenceRequest request = single(map(Hl7Fixtures.oruV25WithStRepetitions()));

        assertThat(request.text()).isEqualTo("Line A\nLine B\n\nLine C\nNote on line C");
        assertThat(request.accessionNumber()).isEqualTo("PLC2501");
        assertThat(request.procedure()).isEqualTo(new CodedConcept(null, "US-ABD", "US ABDOMEN"));
        assertThat(request.modality()).isNull();
    }

    @Test
    void makesOneRequestPerObrWithDistinctIds() throws Exception {
        List<InferenceRequest> requests = map(Hl7Fixtures.oruV24WithTwoObr());

        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(InferenceRequest::id).doesNotHaveDuplicates();
        assertThat(requests).extracting(InferenceRequest::sourceId).containsExactly("MSG00024#1", "MSG00024#2");
        assertThat(requests).extracting(InferenceRequest::accessionNumber).containsExactly("ACC2401", "ACC2402");
        assertThat(requests).extracting(InferenceRequest::text)
                .containsExactly("No intracranial hemorrhage.", "Small left lower lobe nodule, 4 mm.");
        assertThat(requests).extracting(r -> r.procedure().code()).containsExactly("CTHD", "CTCH");
    }

    @Test
    void givesTheSameIdsToTheSameMessageEveryTime() throws Exception {
        List<String> first = map(Hl7Fixtures.oruV24WithTwoObr()).stream().map(InferenceRequest::id).toList();
        List<String> again = mapper.toRequests(parser.parse(Hl7Fixtures.oruV24WithTwoObr()), Instant.now())
                .stream().map(InferenceRequest::id).toList();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void distinguishesSendersThatReuseAControlId() throws Exception {
        String otherSender = Hl7Fixtures.oruWithTwoTxObx().replace("|RIS|GENERAL_HOSP|", "|RIS|OTHER_HOSP|");

        assertThat(single(map(otherSender)).id()).isNotEqualTo(single(map(Hl7Fixtures.oruWithTwoTxObx())).id());
    }

    @Test
    void mapsAnMdmT02DocumentToOneRequest() throws Exception {
        InferenceRequest request = single(map(Hl7Fixtures.mdmT02()));

        assertThat(request.text()).isEqualTo("MRI KNEE: Intact menisci and ligaments.\nSmall joint effusion.");
        assertThat(request.accessionNumber()).isEqualTo("DOC5001");
        assertThat(request.procedure()).isEqualTo(new CodedConcept("HL70270", "RAD", null));
        assertThat(request.modality()).isNull();
        assertThat(request.sender()).isEqualTo("TRANSCRIBE^GENERAL_HOSP");
        assertThat(request.patientIdentifiers()).extracting(PatientIdentifier::value).containsExactly(
                "MRN00001", "FAKE-NAT-42", "VISIT77");
        assertThat(request.trace()).containsEntry("messageType", "MDM^T02").containsEntry("version", "2.5");
    }

    @Test
    void takesThePlacerOrderOfAnMdmWithoutDocumentNumber() throws Exception {
        String raw = Hl7Fixtures.mdmT02().replace("||DOC5001||PLC7001|", "||||PLC7001|");

        assertThat(single(map(raw)).accessionNumber()).isEqualTo("PLC7001");
    }

    @Test
    void mapsAnOrmO01OrderWithObxTextThenOrderNotes() throws Exception {
        InferenceRequest request = single(map(Hl7Fixtures.ormV231()));

        assertThat(request.text())
                .isEqualTo("Prior imaging: none.\n\nClinical history: abdominal pain, rule out appendicitis.");
        assertThat(request.accessionNumber()).isEqualTo("PLC8001");
        assertThat(request.procedure()).isEqualTo(new CodedConcept("LOCAL", "CT-ABD", "CT ABDOMEN WITH CONTRAST"));
        assertThat(request.modality()).isEqualTo("CT");
        assertThat(request.trace()).containsEntry("messageType", "ORM^O01").containsEntry("version", "2.3.1");
    }

    @Test
    void takesTheTriggerFromTheStructureWhenMsh92IsEmpty() throws Exception {
        String raw = Hl7Fixtures.oruWithTwoTxObx().replace("|ORU^R01^ORU_R01|", "|ORU^^ORU_R01|");

        assertThat(single(map(raw)).trace()).containsEntry("messageType", "ORU^R01");
    }

    @Test
    void mapsAMessageWrittenWithNonStandardDelimiters() throws Exception {
        String raw = Hl7Fixtures.oruV23WithFtEscapes().replace('|', '#').replace('^', '$').replace('\\', '!');

        InferenceRequest request = single(map(raw));

        assertThat(request).usingRecursiveComparison().ignoringFields("text")
                .isEqualTo(single(map(Hl7Fixtures.oruV23WithFtEscapes())));
        assertThat(request.text()).startsWith("FINDINGS:\nHeart size normal & lungs clear.\nPressure 120$80 mmHg");
    }

    @Test
    void usesTheCurrentTimeWhenNoneIsGiven() throws Exception {
        Instant before = Instant.now();

        InferenceRequest request = mapper.toRequests(parser.parse(Hl7Fixtures.oruWithTwoTxObx())).get(0);

        assertThat(request.receivedAt()).isBetween(before, Instant.now());
    }

    @Nested
    class AnswersAe {
        @Test
        void forAnAdtA01() {
            Hl7UnusableMessageException e = unusable(Hl7Fixtures.adtA01());

            assertThat(e.code()).isEqualTo("HL7-UNSUPPORTED-TYPE");
            assertThat(e.getError()).isEqualTo(ErrorCode.UNSUPPORTED_MESSAGE_TYPE);
        }

        @Test
        void forAnUnsupportedTriggerOfASupportedType() {
            String raw = Hl7Fixtures.oruWithTwoTxObx().replace("|ORU^R01^ORU_R01|", "|ORU^R30^ORU_R01|");

            Hl7UnusableMessageException e = unusable(raw);

            assertThat(e.code()).isEqualTo("HL7-UNSUPPORTED-TYPE");
            assertThat(e.getError()).isEqualTo(ErrorCode.UNSUPPORTED_EVENT_CODE);
        }

        @Test
        void forAnUnknownMessageType() {
            String raw = Hl7Fixtures.oruWithTwoTxObx().replace("|ORU^R01^ORU_R01|", "|ZZZ^Z99|");

            assertThat(unusable(raw).code()).isEqualTo("HL7-UNSUPPORTED-TYPE");
        }

        @Test
        void forAnOruWithoutTextObservations() {
            Hl7UnusableMessageException e = unusable(Hl7Fixtures.oruWithoutText());

            assertThat(e.code()).isEqualTo("HL7-NO-TEXT");
            assertThat(e.getError()).isEqualTo(ErrorCode.REQUIRED_FIELD_MISSING);
            assertThat(e.getMessage()).startsWith("HL7-NO-TEXT: ");
        }

        @Test
        void forAnOrmWithoutObxOrNte() {
            assertThat(unusable(Hl7Fixtures.ormWithoutText()).code()).isEqualTo("HL7-NO-TEXT");
        }

        @Test
        void forAMessageWithoutPid() {
            Hl7UnusableMessageException e = unusable(Hl7Fixtures.oruWithoutPatient());

            assertThat(e.code()).isEqualTo("HL7-NO-PATIENT");
            assertThat(e.getError()).isEqualTo(ErrorCode.REQUIRED_FIELD_MISSING);
        }

        @Test
        void forAPidWithoutAnIdentifierValue() {
            String raw = Hl7Fixtures.oruV25WithStRepetitions().replace("|MRN00002^^^GENHOSP^MR|", "|^^^GENHOSP^MR|");

            assertThat(unusable(raw).code()).isEqualTo("HL7-NO-PATIENT");
        }

        private Hl7UnusableMessageException unusable(String raw) {
            return catchThrowableOfType(Hl7UnusableMessageException.class, () -> map(raw));
        }
    }

    @Nested
    class AnswersAr {
        @Test
        void whenMsh10IsMissing() {
            Hl7RejectedMessageException e = catchThrowableOfType(Hl7RejectedMessageException.class,
                    () -> map(Hl7Fixtures.oruWithoutControlId()));

            assertThat(e.code()).isEqualTo("HL7-NO-CONTROL-ID");
            assertThat(e.getError()).isEqualTo(ErrorCode.REQUIRED_FIELD_MISSING);
        }

        @Test
        void whenTheSenderIsMissing() {
            String raw = Hl7Fixtures.oruWithTwoTxObx().replace("|RIS|GENERAL_HOSP|", "|||");

            Hl7RejectedMessageException e = catchThrowableOfType(Hl7RejectedMessageException.class, () -> map(raw));

            assertThat(e.code()).isEqualTo("HL7-NO-SENDER");
        }
    }

    private List<InferenceRequest> map(String raw) throws HL7Exception {
        Message message = parser.parse(raw);
        return mapper.toRequests(message, RECEIVED);
    }

    private static InferenceRequest single(List<InferenceRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
