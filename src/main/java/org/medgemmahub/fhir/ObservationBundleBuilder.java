package org.medgemmahub.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.medgemmahub.pipeline.CompletedInference;
import org.medgemmahub.pipeline.InferenceRequest;
import org.medgemmahub.pipeline.InferenceResult;
import org.medgemmahub.pipeline.PatientIdentifier;
import org.medgemmahub.pipeline.PipelineJson;
import org.springframework.stereotype.Component;

/**
 * Builds the transaction that records one result: the model's Device, the AI-asserted Observation and its
 * Provenance. Every entry is a conditional create on a stable key, so writing the same result twice (a redelivery,
 * a replay) changes nothing.
 */
@Component("observationBundleBuilder")
public class ObservationBundleBuilder {
    private static final int MAX_VALUE_CHARS = 8000;

    /** @param completedInferenceJson a {@link CompletedInference} as it comes off the results queue */
    public Bundle build(String completedInferenceJson) {
        CompletedInference completed = PipelineJson.read(completedInferenceJson, CompletedInference.class);
        return build(completed.request(), completed.result());
    }

    public Bundle build(InferenceRequest request, InferenceResult result) {
        String deviceUrl = placeholder("device", result.modelId());
        String observationUrl = placeholder("observation", request.id());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(bundle, deviceUrl, device(result), "Device?identifier=" + FhirNames.MODEL_ID_SYSTEM + "|" + result.modelId());
        add(bundle, observationUrl, observation(request, result, deviceUrl),
                "Observation?identifier=" + FhirNames.REQUEST_ID_SYSTEM + "|" + request.id());
        add(bundle, placeholder("provenance", request.id()), provenance(request, result, observationUrl, deviceUrl),
                "Provenance?_tag=" + FhirNames.REQUEST_ID_SYSTEM + "|" + request.id());
        return bundle;
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource, String conditionalUrl) {
        int query = conditionalUrl.indexOf('?');
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl(conditionalUrl.substring(0, query))
                .setIfNoneExist(conditionalUrl.substring(query + 1));
    }

    Device device(InferenceResult result) {
        Device device = new Device();
        device.getMeta().addProfile(FhirNames.DEVICE_PROFILE);
        device.addIdentifier().setSystem(FhirNames.MODEL_ID_SYSTEM).setValue(result.modelId());
        device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
        device.addDeviceName().setName(result.modelId()).setType(Device.DeviceNameType.MODELNAME);
        device.setType(new CodeableConcept().setText("AI model (MedGemma family), called through MedGemma Hub"));
        device.addVersion().setType(new CodeableConcept().setText("serving API")).setValue(result.backend());
        return device;
    }

    Observation observation(InferenceRequest request, InferenceResult result, String deviceUrl) {
        Observation observation = new Observation();
        observation.getMeta().addProfile(FhirNames.OBSERVATION_PROFILE);
        observation.getMeta().addSecurity()
                .setSystem(FhirNames.SECURITY_SYSTEM)
                .setCode(FhirNames.SECURITY_AI_ASSERTED)
                .setDisplay(FhirNames.SECURITY_AI_ASSERTED_DISPLAY);
        observation.addIdentifier().setSystem(FhirNames.REQUEST_ID_SYSTEM).setValue(request.id());
        if (request.accessionNumber() != null && !request.accessionNumber().isBlank()) {
            observation.addBasedOn(new Reference().setType("ServiceRequest").setIdentifier(accession(request)));
        }
        observation.setStatus(Observation.ObservationStatus.PRELIMINARY);
        observation.getCode().addCoding().setSystem(FhirNames.RESULT_CODE_SYSTEM).setCode(resultCode(result.promptTemplate()));
        observation.getCode().setText("AI-generated result (" + result.promptTemplate() + ")");
        observation.setSubject(subject(request));
        observation.setIssued(Date.from(result.completedAt()));
        observation.setDevice(new Reference(deviceUrl));
        observation.addDerivedFrom(SourceReferences.of(request));
        observation.getMethod().setText("MedGemma via " + result.backend() + ", prompt " + result.promptTemplate() + " v" + result.promptVersion());
        ResultContent.addTo(observation, result);
        observation.addNote().setText(reviewNote(result));
        return observation;
    }

    Provenance provenance(InferenceRequest request, InferenceResult result, String observationUrl, String deviceUrl) {
        Provenance provenance = new Provenance();
        provenance.getMeta().addTag().setSystem(FhirNames.REQUEST_ID_SYSTEM).setCode(request.id());
        provenance.addTarget(new Reference(observationUrl));
        provenance.setRecorded(Date.from(result.completedAt()));
        provenance.addPolicy(FhirNames.PROMPT_POLICY_PREFIX + result.promptTemplate() + "/" + result.promptVersion());
        provenance.getActivity().addCoding().setSystem(FhirNames.DATA_OPERATION_SYSTEM).setCode("CREATE");
        provenance.addAgent()
                .setWho(new Reference(deviceUrl))
                .getType().addCoding().setSystem(FhirNames.PARTICIPANT_TYPE_SYSTEM).setCode("author");
        provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE).setWhat(SourceReferences.of(request));
        return provenance;
    }

    private static Reference subject(InferenceRequest request) {
        PatientIdentifier first = request.patientIdentifiers().isEmpty() ? null : request.patientIdentifiers().get(0);
        if (first == null) return new Reference().setDisplay("patient not identified by the source");
        Identifier identifier = new Identifier().setValue(first.value()).setSystem(IdentifierSystems.forAssigningAuthority(first.system()));
        if (first.type() != null && !first.type().isBlank()) {
            identifier.getType().addCoding().setSystem(FhirNames.IDENTIFIER_TYPE_SYSTEM).setCode(first.type());
        }
        return new Reference().setType("Patient").setIdentifier(identifier);
    }

    private static Identifier accession(InferenceRequest request) {
        Identifier identifier = new Identifier().setSystem(IdentifierSystems.forAccession(request.sender())).setValue(request.accessionNumber());
        identifier.getType().addCoding().setSystem(FhirNames.IDENTIFIER_TYPE_SYSTEM).setCode("ACSN");
        return identifier;
    }

    /** The kind of result a prompt template gives, as a code of the hub's CodeSystem; the template itself is in method and policy. */
    static String resultCode(String promptTemplate) {
        if (FhirNames.CODE_REPORT_FINDINGS.equals(promptTemplate)) return FhirNames.CODE_REPORT_FINDINGS;
        if (promptTemplate != null && promptTemplate.startsWith(FhirNames.CODE_IMAGE_FINDINGS)) return FhirNames.CODE_IMAGE_FINDINGS;
        return FhirNames.CODE_AI_RESULT;
    }

    private static String reviewNote(InferenceResult result) {
        String note = "Generated by an AI model (" + result.modelId() + ", prompt " + result.promptTemplate() + " v"
                + result.promptVersion() + "). Preliminary: it must be reviewed by a clinician before any clinical use.";
        if (isSimulated(result)) {
            note = "SIMULATED: produced by the MedGemma Hub simulator, not by a model. " + note;
        }
        if (result.parsed() == null) {
            note += " The model's answer could not be read as structured findings (" + result.parseError() + "); the raw answer is the value.";
        }
        if (result.truncated()) {
            note += " The answer was cut at the token limit.";
        }
        return note;
    }

    static boolean isSimulated(InferenceResult result) {
        JsonNode parsed = result.parsed();
        return (parsed != null && parsed.path("simulated").asBoolean(false)) || result.modelId().contains("simulator");
    }

    static String truncate(String text) {
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + " [...]";
    }

    private static String placeholder(String kind, String key) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((kind + "|" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static StringType text(String value) {
        return new StringType(truncate(value));
    }
}
