package org.medgemmahub.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.medgemmahub.medgemma.InteractiveTasks;
import org.medgemmahub.medgemma.ModelCallGuard;
import org.medgemmahub.medgemma.ModelImageInput;
import org.medgemmahub.medgemma.ModelStatus;
import org.medgemmahub.medgemma.ModelStatusCheck;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The seed-compatible interactive API: {@code POST /api/medgemma/text}, {@code POST /api/medgemma/image},
 * {@code GET /api/medgemma/status}, {@code POST /api/medgemma/context}. Synchronous model calls, not queued.
 * Every answer names the prompt template and version that produced it.
 */
@RestController
@RequestMapping(path = "/api/medgemma", produces = MediaType.APPLICATION_JSON_VALUE)
class MedGemmaApiController {
    static final int MAX_MESSAGE_CHARS = 20_000;

    record TextRequest(String message, @JsonProperty("conversation_id") String conversationId, Double temperature,
                       @JsonProperty("max_tokens") Integer maxTokens) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextResponse(boolean success, String response, String model,
                        @JsonProperty("conversation_id") String conversationId, String template,
                        @JsonProperty("template_version") String templateVersion, boolean truncated) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageResponse(boolean success, String response, JsonNode findings,
                         @JsonProperty("parse_error") String parseError, String model, String template,
                         @JsonProperty("template_version") String templateVersion, boolean truncated) {
    }

    record ContextRequest(String symptom) {
    }

    record ContextResponse(boolean success, String symptom, String context, String model, String template,
                           @JsonProperty("template_version") String templateVersion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusResponse(boolean available, String endpoint, String model, String state, String backend,
                          String circuit, String detail) {
    }

    private final InteractiveTasks tasks;
    private final ModelStatusCheck statusCheck;
    private final ModelImageInput imageInput;
    private final List<UploadedImageDecoder> decoders;
    private final ModelCallGuard guard;

    MedGemmaApiController(InteractiveTasks tasks, ModelStatusCheck statusCheck, ModelImageInput imageInput,
                          List<UploadedImageDecoder> decoders, ModelCallGuard guard) {
        this.tasks = tasks;
        this.statusCheck = statusCheck;
        this.imageInput = imageInput;
        this.decoders = decoders;
        this.guard = guard;
    }

    @PostMapping(path = "/text", consumes = MediaType.APPLICATION_JSON_VALUE)
    TextResponse text(@RequestBody TextRequest request) {
        String message = required(request.message(), "message");
        if (request.temperature() != null && (request.temperature() < 0 || request.temperature() > 2)) {
            throw new ApiRequestException(400, "API-INVALID", "temperature must be between 0 and 2");
        }
        if (request.maxTokens() != null && request.maxTokens() < 1) {
            throw new ApiRequestException(400, "API-INVALID", "max_tokens must be at least 1");
        }
        InteractiveTasks.Outcome outcome = tasks.question(message, request.temperature(), request.maxTokens());
        return new TextResponse(true, outcome.answer().text(), outcome.answer().reply().modelId(), request.conversationId(),
                outcome.template().id(), outcome.template().version(), outcome.answer().reply().truncated());
    }

    @PostMapping(path = "/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImageResponse image(@RequestPart("image") MultipartFile image,
                        @RequestParam(name = "query", required = false) String query,
                        @RequestParam(name = "modality", required = false) String modality) throws IOException {
        byte[] upload = image.getBytes();
        String jpeg = toModelJpeg(upload);
        InteractiveTasks.Outcome outcome = tasks.image(jpeg, query, modality);
        return new ImageResponse(true, outcome.answer().text(), outcome.answer().parsed(), outcome.answer().parseError(),
                outcome.answer().reply().modelId(), outcome.template().id(), outcome.template().version(),
                outcome.answer().reply().truncated());
    }

    @GetMapping("/status")
    StatusResponse status() {
        ModelStatus status = statusCheck.check();
        return new StatusResponse(status.available(), status.endpoint(), status.modelId(), status.state(),
                guard.backendName(), guard.circuitState(), status.detail());
    }

    @PostMapping(path = "/context", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContextResponse context(@RequestBody ContextRequest request) {
        String symptom = required(request.symptom(), "symptom");
        InteractiveTasks.Outcome outcome = tasks.context(symptom);
        return new ContextResponse(true, symptom, outcome.answer().text(), outcome.answer().reply().modelId(),
                outcome.template().id(), outcome.template().version());
    }

    /** Plain images go through the model client's checks; DICOM and other recognised uploads through a decoder. */
    private String toModelJpeg(byte[] upload) {
        if (upload.length == 0) throw new ApiRequestException(400, "API-MISSING", "the 'image' part is empty");
        imageInput.checkSize(upload);
        for (UploadedImageDecoder decoder : decoders) {
            if (decoder.accepts(upload)) return imageInput.toModelJpegBase64(decoder.decode(upload));
        }
        return imageInput.toModelJpegBase64(upload);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ApiRequestException(400, "API-MISSING", "'" + field + "' is required");
        }
        if (value.length() > MAX_MESSAGE_CHARS) {
            throw new ApiRequestException(413, "API-TOO-LARGE", "'" + field + "' is longer than " + MAX_MESSAGE_CHARS + " characters");
        }
        return value.strip();
    }
}
