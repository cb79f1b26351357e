package org.medgemmahub.fhir.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.PatientIdentifier;

class DiagnosticReportMapperTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final DiagnosticReportMapper mapper = new DiagnosticReportMapper(FHIR, "report-findings");

    private InferenceRequest map(DiagnosticReport report) {
        Bundle context = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource resource : OfficialExamples.referenced()) context.addEntry().setResource(resource);
        return mapper.toRequest(report, ReportResources.of(context, report, null), "DiagnosticReport/" + report.getIdElement().getIdPart(),
                "test", "http", Instant.parse("2026-12-03T10:00:00Z"));
    }

    private static DiagnosticReport example(String id) {
        return OfficialExamples.resource("DiagnosticReport-" + id, DiagnosticReport.class);
    }

    @Nested
    class OfficialExampleReports {
        @Test
        void readsTheConclusionAndThePatientsIdentifiersOfF201() {
            InferenceRequest request = map(example("f201"));

            assertThat(request.text()).contains("Conclusion:").contains("large tumor sphenoid/clivus");
            assertThat(request.task()).isEqualTo("report-findings");
            assertThat(request.patientIdentifiers()).extracting(PatientIdentifier::value).contains("123456789");
            assertThat(request.imageJpegBase64()).isNull();
        }

        @Test
        void summarisesTheResultObservationsOf102() {
            InferenceRequest request = map(example("102"));

            assertThat(request.text()).contains("Results:").containsPattern("- .*0\\.887 g/cm");
        }

        @Test
        void fallsBackToTheNarrativeOfPapWhichHasNoOtherContent() {
            InferenceRequest request = map(example("pap"));

            assertThat(request.text()).contains("Atypical squamous cells").doesNotContain("<p>").doesNotContain("<br");
        }

        @Test
        void usesTheResultsOfExamplePgxAndNotesItsUnreadablePdf() {
            InferenceRequest request = map(example("example-pgx"));

            assertThat(request.text()).contains("Results:");
            assertThat(request.trace().get("unreadable")).startsWith("FHIR-INTAKE-BAD-PDF");
        }

        @Test
        void extractsThePdfTextOfGingivalMassWithPdfBox() {
            DiagnosticReport report = example("gingival-mass");
            report.setSubject(new Reference().setIdentifier(new Identifier().setSystem(IntakeFixtures.MRN_SYSTEM).setValue("P73456090")));

            InferenceRequest request = map(report);

            assertThat(request.text()).containsIgnoringCase("gingival");
            assertThat(request.trace()).doesNotContainKey("unreadable");
        }

        @Test
        void refusesGingivalMassWhoseSubjectIsOnlyAName() {
            assertThatThrownBy(() -> map(example("gingival-mass")))
                    .isInstanceOf(UnprocessableEntityException.class).hasMessageStartingWith("FHIR-INTAKE-UNKNOWN-PATIENT");
        }
    }

    @Test
    void givesTheSameReportVersionTheSameIdAndAnotherVersionAnother() {
        DiagnosticReport report = example("f201");
        String first = map(report).id();
        assertThat(map(example("f201")).id()).isEqualTo(first);

        report.getMeta().setVersionId("2");
        assertThat(map(report).id()).isNotEqualTo(first);
    }

    @Test
    void ignoresACategoryCodingWithoutACode() {
        DiagnosticReport report = IntakeFixtures.chestReport(IntakeFixtures.uniqueMrn());
        report.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0074");

        assertThat(map(report).modality()).isNull();
    }

    @Test
    void decodesTextPlainAndHtmlPresentedForms() {
        DiagnosticReport report = IntakeFixtures.chestReport("M1");
        report.setConclusion(null);
        report.addPresentedForm(IntakeFixtures.textAttachment("text/plain; charset=utf-8", "Findings: clear lungs."));
        report.addPresentedForm(IntakeFixtures.textAttachment("text/html", "<html><body><p>Impression:<br/>No acute disease &amp; no effusion</p></body></html>"));

        InferenceRequest request = map(report);

        assertThat(request.text()).contains("Findings: clear lungs.").contains("Impression:\nNo acute disease & no effusion");
    }

    @Test
    void sendsAnUltrasoundMediaImageWithAnImageTaskForItsModality() throws Exception {
        DiagnosticReport report = IntakeFixtures.chestReport("M2");
        Media media = new Media();
        media.setId("img1");
        media.setModality(new CodeableConcept(new Coding("http://dicom.nema.org/resources/ontology/DCM", "US", null)));
        media.getContent().setContentType("image/png").setData(png(1200, 900));
        report.addContained(media);
        report.addMedia().setLink(new Reference("#img1"));

        InferenceRequest request = map(report);

        assertThat(request.task()).isEqualTo("image-findings");
        assertThat(request.modality()).isEqualTo("us");
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(request.imageJpegBase64())));
        assertThat(sent.getWidth()).isEqualTo(896);
        assertThat(request.text()).contains("Conclusion:");
    }

    @Test
    void readsAPdfAndAnImageFromBinariesInTheBundleByFullUrl() throws Exception {
        DiagnosticReport report = IntakeFixtures.chestReport("M8");
        report.setConclusion(null);
        report.addPresentedForm().setContentType("application/pdf").setUrl("urn:uuid:pdf-1");
        report.addPresentedForm().setContentType("image/png").setUrl("urn:uuid:png-1");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("urn:uuid:report").setResource(report);
        bundle.addEntry().setFullUrl("urn:uuid:pdf-1").setResource(new org.hl7.fhir.r4.model.Binary()
                .setContentType("application/pdf").setData(pdf("Impression: no pneumothorax.")));
        bundle.addEntry().setFullUrl("urn:uuid:png-1").setResource(new org.hl7.fhir.r4.model.Binary()
                .setContentType("image/png").setData(png(300, 200)));

        InferenceRequest request = mapper.toRequest(report, ReportResources.of(bundle, report, null), "urn:uuid:report", "test",
                "bundle", Instant.now());

        assertThat(request.text()).contains("Impression: no pneumothorax.");
        assertThat(request.task()).isEqualTo("image-findings");
        assertThat(request.imageJpegBase64()).isNotBlank();
    }

    @Nested
    class Refusals {
        @Test
        void refusesAReportWithoutStatus() {
            DiagnosticReport report = IntakeFixtures.chestReport("M3");
            report.setStatus(null);
            assertThatThrownBy(() -> map(report)).isInstanceOf(UnprocessableEntityException.class)
                    .hasMessage("FHIR-INTAKE-MISSING: DiagnosticReport.status is required");
        }

        @Test
        void refusesAnEnteredInErrorReport() {
            DiagnosticReport report = IntakeFixtures.chestReport("M4").setStatus(DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR);
            assertThatThrownBy(() -> map(report)).hasMessageStartingWith("FHIR-INTAKE-STATUS");
        }

        @Test
        void refusesASubjectThatIsNotAPatient() {
            DiagnosticReport report = IntakeFixtures.chestReport("M5").setSubject(new Reference("Group/g1"));
            assertThatThrownBy(() -> map(report)).hasMessageStartingWith("FHIR-INTAKE-SUBJECT-TYPE");
        }

        @Test
        void answers400ToBadBase64NamingWhereItIs() {
            assertThatThrownBy(() -> AttachmentBytes.decode("@@not base64@@", "DiagnosticReport.presentedForm[0].data"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("FHIR-INTAKE-BAD-BASE64: DiagnosticReport.presentedForm[0].data is not valid base64");
        }

        @Test
        void refusesAReportWithNothingToReadNamingTheUnreadableDocument() {
            DiagnosticReport report = IntakeFixtures.chestReport("M7");
            report.setConclusion(null);
            report.addPresentedForm().setContentType("application/pdf").setData("not a pdf".getBytes());
            assertThatThrownBy(() -> map(report)).isInstanceOf(UnprocessableEntityException.class)
                    .hasMessageContaining("FHIR-INTAKE-NO-CONTENT").hasMessageContaining("FHIR-INTAKE-BAD-PDF");
        }
    }

    private static byte[] pdf(String text) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.getRaster().setSample(x, y, 0, (x * 7 + y * 3) & 0xff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
