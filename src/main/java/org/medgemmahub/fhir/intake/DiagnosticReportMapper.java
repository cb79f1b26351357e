package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.medgemmahub.pipeline.CodedConcept;
import org.medgemmahub.pipeline.ImageTasks;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.RequestIds;
import org.medgemmahub.pipeline.SourceKind;

/**
 * Turns one DiagnosticReport into one inference request: conclusion, presentedForm documents (text, HTML, PDF), a summary
 * of the result Observations and, when nothing else says anything, the narrative become the text; the first decodable image
 * (Media, a Binary or an image presentedForm) goes along with it and selects an image task. Unusable reports are refused with
 * HAPI's exceptions carrying a {@code FHIR-INTAKE-*} code: 400 for malformed content, 422 for a report the hub cannot use.
 */
final class DiagnosticReportMapper {
    private static final Set<DiagnosticReportStatus> USABLE = EnumSet.of(DiagnosticReportStatus.REGISTERED,
            DiagnosticReportStatus.PARTIAL, DiagnosticReportStatus.PRELIMINARY, DiagnosticReportStatus.FINAL,
            DiagnosticReportStatus.AMENDED, DiagnosticReportStatus.CORRECTED, DiagnosticReportStatus.APPENDED);
    private static final String DICOM_MODALITY_SYSTEM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String V2_SECTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0074";
    private static final Map<String, String> SECTION_MODALITY = Map.of("CT", "ct", "NMR", "mr", "US", "us", "CUS", "us",
            "OUS", "us", "RX", "dx", "XRC", "dx", "NMS", "nm", "VUS", "us");

    private final FhirContext fhirContext;
    private final String textTask;

    DiagnosticReportMapper(FhirContext fhirContext, String textTask) {
        this.fhirContext = fhirContext;
        this.textTask = textTask;
    }

    /**
     * @param reportId the report's identity for request ids: {@code DiagnosticReport/id} as posted, or the full URL on a source
     * @param sender   who sent it (client address, source base URL)
     * @param channel  how it arrived (http, bundle, poll, subscription), for the trace
     */
    InferenceRequest toRequest(DiagnosticReport report, ReportResources resources, String reportId, String sender,
                               String channel, Instant receivedAt) {
        requireUsable(report);
        var patient = ReportPatient.identifiers(report.getSubject(), resources);
        List<String> parts = new ArrayList<>();
        if (report.hasConclusion() && !report.getConclusion().isBlank()) parts.add("Conclusion:\n" + report.getConclusion().strip());
        report.getConclusionCode().stream().map(ResultSummary::name).forEach(code -> parts.add("Coded conclusion: " + code));
        List<ReportImage> images = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < report.getPresentedForm().size(); i++) {
            int index = i;
            unreadable(() -> presentedForm(report.getPresentedForm().get(index), index, resources, parts, images), unreadable);
        }
        String results = results(report, resources);
        if (!results.isEmpty()) parts.add("Results:\n" + results);
        for (int i = 0; i < report.getMedia().size(); i++) {
            int index = i;
            unreadable(() -> media(report.getMedia().get(index), index, resources, images), unreadable);
        }
        if (parts.isEmpty() && report.hasText() && report.getText().hasDiv()) {
            String narrative = AttachmentText.tidy(AttachmentText.fromHtml(report.getText().getDivAsString()));
            if (!narrative.isEmpty()) parts.add("Report:\n" + narrative);
        }
        ReportImage image = images.isEmpty() ? null : images.get(0);
        if (parts.isEmpty() && image == null)
            throw new UnprocessableEntityException("FHIR-INTAKE-NO-CONTENT: DiagnosticReport " + reportId + " has no conclusion, "
                    + "no readable presentedForm, no result values, no image and no narrative: nothing for the model to read"
                    + (unreadable.isEmpty() ? "" : " (" + String.join("; ", unreadable) + ")"));
        String modality = image != null && image.modality() != null ? image.modality() : categoryModality(report);
        String task = image == null ? textTask : ImageTasks.forModality(modality);
        String version = report.getMeta().hasVersionId() ? report.getMeta().getVersionId() : contentHash(report);
        String sourceId = reportId + "/_history/" + version;
        Map<String, String> trace = new LinkedHashMap<>();
        trace.put("channel", channel);
        trace.put("reportId", reportId);
        trace.put("images", Integer.toString(images.size()));
        if (!unreadable.isEmpty()) trace.put("unreadable", String.join("; ", unreadable));
        String header = "Report type: " + ResultSummary.name(report.getCode()) + "\n\n";
        return new InferenceRequest(RequestIds.of(SourceKind.FHIR, reportId, version), SourceKind.FHIR, sourceId, sender, patient,
                accession(report), procedure(report), modality, task, parts.isEmpty() ? null : header + String.join("\n\n", parts),
                image == null ? null : image.jpegBase64(), receivedAt, trace);
    }

    /**
     * A document or image the hub cannot read (a corrupt PDF, an undecodable image) is left out and noted, so the rest of the
     * report is still used; only when nothing is left is the report refused, naming what could not be read.
     */
    private static void unreadable(Runnable reading, List<String> problems) {
        try {
            reading.run();
        } catch (UnprocessableEntityException e) {
            problems.add(e.getMessage());
        }
    }

    private static void requireUsable(DiagnosticReport report) {
        if (!report.hasStatus())
            throw missing("DiagnosticReport.status");
        if (!USABLE.contains(report.getStatus()))
            throw new UnprocessableEntityException("FHIR-INTAKE-STATUS: a DiagnosticReport with status " + report.getStatus().toCode()
                    + " is not processed");
        if (!report.hasCode() || (!report.getCode().hasCoding() && !report.getCode().hasText()))
            throw missing("DiagnosticReport.code");
        if (!report.hasSubject())
            throw missing("DiagnosticReport.subject");
    }

    static UnprocessableEntityException missing(String element) {
        return new UnprocessableEntityException("FHIR-INTAKE-MISSING: " + element + " is required");
    }

    private static void presentedForm(Attachment form, int index, ReportResources resources, List<String> parts, List<ReportImage> images) {
        String where = "DiagnosticReport.presentedForm[" + index + "]";
        Optional<AttachmentBytes> bytes = AttachmentBytes.of(form, where, resources);
        if (bytes.isEmpty()) return;
        String type = bytes.get().contentType();
        if (AttachmentText.isText(type))
            AttachmentText.of(bytes.get(), AttachmentText.charsetOf(form.getContentType()), where)
                    .ifPresent(text -> parts.add((form.hasTitle() ? form.getTitle() : "Report") + ":\n" + text));
        else if (ReportImage.isImage(type))
            images.add(ReportImage.decode(bytes.get(), null, where));
    }

    private static void media(DiagnosticReport.DiagnosticReportMediaComponent link, int index, ReportResources resources, List<ReportImage> images) {
        Optional<Media> media = resources.find(link.getLink(), Media.class);
        if (media.isEmpty() || !media.get().hasContent()) return;
        String where = "DiagnosticReport.media[" + index + "] Media.content";
        Optional<AttachmentBytes> bytes = AttachmentBytes.of(media.get().getContent(), where, resources);
        if (bytes.isEmpty() || !ReportImage.isImage(bytes.get().contentType())) return;
        String modality = media.get().getModality().getCoding().stream().filter(Coding::hasCode).findFirst()
                .map(c -> c.getCode().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        images.add(ReportImage.decode(bytes.get(), modality, where));
    }

    private static String results(DiagnosticReport report, ReportResources resources) {
        List<String> lines = new ArrayList<>();
        for (Reference reference : report.getResult())
            resources.find(reference, Observation.class).ifPresent(observation -> lines.add("- " + ResultSummary.of(observation)));
        return String.join("\n", lines);
    }

    private static String categoryModality(DiagnosticReport report) {
        for (var category : report.getCategory())
            for (Coding coding : category.getCoding()) {
                if (DICOM_MODALITY_SYSTEM.equals(coding.getSystem()) && coding.hasCode()) return coding.getCode().toLowerCase(java.util.Locale.ROOT);
                if (V2_SECTION_SYSTEM.equals(coding.getSystem()) && coding.hasCode() && SECTION_MODALITY.containsKey(coding.getCode()))
                    return SECTION_MODALITY.get(coding.getCode());
            }
        return null;
    }

    private static String accession(DiagnosticReport report) {
        return report.getIdentifier().stream()
                .filter(identifier -> identifier.getType().getCoding().stream().anyMatch(c -> "ACSN".equals(c.getCode())))
                .map(identifier -> identifier.getValue()).findFirst().orElse(null);
    }

    private static CodedConcept procedure(DiagnosticReport report) {
        Coding coding = report.getCode().getCodingFirstRep();
        return new CodedConcept(coding.getSystem(), coding.getCode(), coding.hasDisplay() ? coding.getDisplay() : report.getCode().getText());
    }

    /** A short hash of the report's content without meta, standing in for a version when the sender gives none. */
    private String contentHash(DiagnosticReport report) {
        DiagnosticReport copy = report.copy();
        copy.setMeta(null);
        byte[] json = fhirContext.newJsonParser().encodeResourceToString(copy).getBytes(StandardCharsets.UTF_8);
        try {
            return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
