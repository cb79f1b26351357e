package org.medgemmahub.pipeline;

/** The message on the results queue: a result with the request it answers, all the FHIR writer needs. */
public record CompletedInference(InferenceRequest request, InferenceResult result) {
    public CompletedInference {
        if (request == null || result == null) throw new IllegalArgumentException("request and result are required");
        if (!request.id().equals(result.requestId())) {
            throw new IllegalArgumentException("result " + result.requestId() + " does not answer request " + request.id());
        }
    }
}
