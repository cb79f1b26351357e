package org.medgemmahub.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.EI;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.TXA;
import ca.uhn.hl7v2.util.Terser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medgemmahub.pipeline.CodedConcept;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.PatientIdentifier;
import org.medgemmahub.pipeline.RequestIds;
import org.medgemmahub.pipeline.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a parsed ORU^R01, ORM^O01 or MDM^T02 into inference requests: one per OBR with report text (one per document
 * for MDM). Request ids derive from sender, MSH-10 and the OBR's position, so a re-sent message maps to the same ids.
 */
@Component("hl7RequestMapper")
public class Hl7RequestMapper {
    /** Table 0270 (document type), the code system of TXA-2. */
    static final String DOCUMENT_TYPE_SYSTEM = "HL70270";

    private static final Logger log = LoggerFactory.getLogger(Hl7RequestMapper.class);

    private final String task;

    public Hl7RequestMapper(Hl7Properties properties) {
        this.task = properties.defaultTask();
    }

    public List<InferenceRequest> toRequests(Message message) throws HL7Exception {
        return toRequests(message, Instant.now());
    }

    /** Package-private so that Camel, which calls the public method by name, sees one candidate. */
    List<InferenceRequest> toRequests(Message message, Instant receivedAt) throws HL7Exception {
        Terser msh = new Terser(message);
        String controlId = blankToNull(msh.get("/MSH-10"));
        if (controlId == null) {
            throw new Hl7RejectedMessageException("HL7-NO-CONTROL-ID", ErrorCode.REQUIRED_FIELD_MISSING,
                    "MSH-10 message control id is missing, so no acknowledgement could be matched to the message");
        }
        String sendingApplication = nullToEmpty(msh.get("/MSH-3-1"));
        String sendingFacility = nullToEmpty(msh.get("/MSH-4-1"));
        if (sendingApplication.isBlank() && sendingFacility.isBlank()) {
            throw new Hl7RejectedMessageException("HL7-NO-SENDER", ErrorCode.REQUIRED_FIELD_MISSING,
                    "MSH-3 sending application and MSH-4 sending facility are both missing");
        }
        String sender = sendingApplication + "^" + sendingFacility;
        SupportedMessageType type = supportedType(msh, message);
        Map<String, String> trace = trace(controlId, type, msh.get("/MSH-12-1"));

        List<ReportSource> reports = type.reports(message);
        char escape = escapeCharacter(message);
        List<InferenceRequest> requests = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            ReportSource report = reports.get(i);
            List<PatientIdentifier> patient = PatientIdentifierMapper.fromPid(report.pid());
            if (patient.isEmpty()) {
                throw new Hl7UnusableMessageException("HL7-NO-PATIENT", ErrorCode.REQUIRED_FIELD_MISSING,
                        "no patient identifier in PID-3");
            }
            String text = Hl7TextExtractor.extract(report.observations(), report.orderNotes(), escape);
            if (text.isBlank()) continue; // e.g. a numeric panel next to the report: nothing for the model
            String position = String.valueOf(i + 1);
            String sourceId = reports.size() > 1 ? controlId + "#" + position : controlId;
            requests.add(new InferenceRequest(
                    RequestIds.of(SourceKind.HL7, sender, controlId, position), SourceKind.HL7, sourceId, sender,
                    patient, accessionNumber(report), procedure(report), modality(report.obr()), task, text, null,
                    receivedAt, trace));
        }
        if (requests.isEmpty()) {
            throw new Hl7UnusableMessageException("HL7-NO-TEXT", ErrorCode.REQUIRED_FIELD_MISSING,
                    "no report text in OBX (TX/FT/ST) or NTE");
        }
        log.debug("MSH-10 {} from {} gave {} request(s): {}", controlId, sender, requests.size(),
                requests.stream().map(InferenceRequest::id).toList());
        return requests;
    }

    private static SupportedMessageType supportedType(Terser msh, Message message) throws HL7Exception {
        String messageType = nullToEmpty(msh.get("/MSH-9-1")).trim();
        String triggerEvent = nullToEmpty(msh.get("/MSH-9-2")).trim();
        return SupportedMessageType.of(messageType, triggerEvent, message).orElseThrow(() ->
                new Hl7UnusableMessageException("HL7-UNSUPPORTED-TYPE",
                        SupportedMessageType.isSupportedMessageType(messageType)
                                ? ErrorCode.UNSUPPORTED_EVENT_CODE : ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                        shorten(messageType + "^" + triggerEvent)
                                + " is not supported; accepted are ORU^R01, ORM^O01 and MDM^T02"));
    }

    private static Map<String, String> trace(String controlId, SupportedMessageType type, String version) {
        Map<String, String> trace = new LinkedHashMap<>();
        trace.put("mshControlId", controlId);
        trace.put("messageType", type.code());
        if (blankToNull(version) != null) trace.put("version", version.trim());
        return trace;
    }

    private static char escapeCharacter(Message message) throws HL7Exception {
        String encoding = message.getEncodingCharactersValue();
        return encoding != null && encoding.length() > 2 ? encoding.charAt(2) : '\\';
    }

    /** OBR-18 (placer field 1, where most RIS put the accession), else OBR-3, else OBR-2; TXA-12, else TXA-14. */
    private static String accessionNumber(ReportSource report) {
        if (report.obr() != null) {
            OBR obr = report.obr();
            String placerField = blankToNull(obr.getPlacerField1().getValue());
            if (placerField != null) return placerField;
            String filler = entityId(obr.getFillerOrderNumber());
            return filler != null ? filler : entityId(obr.getPlacerOrderNumber());
        }
        TXA txa = report.txa();
        String document = entityId(txa.getUniqueDocumentNumber());
        if (document != null || txa.getPlacerOrderNumber().length == 0) return document;
        return entityId(txa.getPlacerOrderNumber()[0]);
    }

    private static CodedConcept procedure(ReportSource report) {
        if (report.obr() != null) {
            CE service = report.obr().getUniversalServiceIdentifier();
            String code = blankToNull(service.getIdentifier().getValue());
            String display = blankToNull(service.getText().getValue());
            if (code == null && display == null) return null;
            return new CodedConcept(blankToNull(service.getNameOfCodingSystem().getValue()), code, display);
        }
        String documentType = blankToNull(report.txa().getDocumentType().getValue());
        return documentType == null ? null : new CodedConcept(DOCUMENT_TYPE_SYSTEM, documentType, null);
    }

    private static String modality(OBR obr) {
        return obr == null ? null : blankToNull(obr.getDiagnosticServSectID().getValue());
    }

    private static String entityId(EI ei) {
        return blankToNull(ei.getEntityIdentifier().getValue());
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
