package org.medgemmahub.fhir;

/** Canonical URLs, identifier systems and codes the hub writes; each written once here. */
public final class FhirNames {
    private FhirNames() {
    }

    public static final String HUB_BASE = "https://medgemma-hub.org/fhir";

    /** The hub's CodeSystem of result kinds and component codes (fhir-profiles/CodeSystem-medgemma-hub-result.json). */
    public static final String RESULT_CODE_SYSTEM = HUB_BASE + "/CodeSystem/medgemma-hub-result";
    /** Observation.code of a result from report text, from an image (any image-findings-* template), from any other template. */
    public static final String CODE_REPORT_FINDINGS = "report-findings";
    public static final String CODE_IMAGE_FINDINGS = "image-findings";
    public static final String CODE_AI_RESULT = "ai-result";
    public static final String CODE_FINDING = "finding";
    public static final String CODE_URGENCY = "urgency";
    public static final String CODE_RECOMMENDATION = "recommendation";

    /** The profiles in fhir-profiles/ every written Observation and model Device declares in meta.profile. */
    public static final String OBSERVATION_PROFILE = HUB_BASE + "/StructureDefinition/medgemma-hub-observation";
    public static final String DEVICE_PROFILE = HUB_BASE + "/StructureDefinition/medgemma-hub-model-device";

    /** Identifier system of the hub's inference request id; Observation.identifier, Provenance tag. */
    public static final String REQUEST_ID_SYSTEM = HUB_BASE + "/sid/request-id";
    /** Identifier system of AI model devices (value: the model id). */
    public static final String MODEL_ID_SYSTEM = HUB_BASE + "/sid/model-id";
    /** Identifier system of source HL7 messages (value: {@code sender|MSH-10}). */
    public static final String HL7_MESSAGE_SYSTEM = HUB_BASE + "/sid/hl7-message";
    /** Identifier system of source DiagnosticReports (value: {@code [base/]DiagnosticReport/id/_history/version}). */
    public static final String FHIR_REPORT_SYSTEM = HUB_BASE + "/sid/fhir-report";
    /** Prefix of identifier systems made from HL7 assigning authorities that are neither URIs nor OIDs. */
    public static final String ASSIGNING_AUTHORITY_SYSTEM_PREFIX = HUB_BASE + "/sid/assigning-authority/";
    /** Prefix of accession number systems, per sending facility. */
    public static final String ACCESSION_SYSTEM_PREFIX = HUB_BASE + "/sid/accession/";
    /** Prompt template as Provenance.policy: {@code <prefix><id>/<version>}. */
    public static final String PROMPT_POLICY_PREFIX = HUB_BASE + "/prompt/";

    public static final String SECURITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    public static final String SECURITY_AI_ASSERTED = "AIAST";
    public static final String SECURITY_AI_ASSERTED_DISPLAY = "Artificial Intelligence asserted";

    public static final String IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public static final String PARTICIPANT_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public static final String DATA_OPERATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    public static final String DEVICE_NAME_TYPE_MODEL = "model-name";
}
