package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The three wire dialects the simulator speaks, and how each one spells a refusal. */
enum ApiDialect {
    /** TGI native routes: {@code /generate} and {@code /}. Framework errors are axum plain text. */
    TGI {
        @Override
        RejectedRequest unsupportedMediaType() {
            return RejectedRequest.plainText(415, "Expected request with `Content-Type: application/json`");
        }

        @Override
        RejectedRequest malformedJson(String detail) {
            return RejectedRequest.plainText(400, "Failed to parse the request body as JSON: " + detail);
        }

        @Override
        ObjectNode errorBody(RejectedRequest rejection) {
            return SimulatorJson.object()
                    .put("error", rejection.getMessage())
                    .put("error_type", rejection.errorType());
        }

        @Override
        Reply unauthorized() {
            return Reply.empty(401);
        }
    },

    /** OpenAI-compatible {@code /v1/chat/completions}, answering errors as vLLM 0.10.1 and later do. */
    OPENAI {
        @Override
        RejectedRequest unsupportedMediaType() {
            return RejectedRequest.apiError(415, "UnsupportedMediaTypeError",
                    "Expected request with `Content-Type: application/json`");
        }

        @Override
        RejectedRequest malformedJson(String detail) {
            return RejectedRequest.badRequest("Failed to parse the request body as JSON: " + detail);
        }

        @Override
        ObjectNode errorBody(RejectedRequest rejection) {
            ObjectNode body = SimulatorJson.object();
            body.putObject("error")
                    .put("message", rejection.getMessage())
                    .put("type", rejection.errorType())
                    .putNull("param")
                    .put("code", rejection.status());
            return body;
        }

        @Override
        Reply unauthorized() {
            return Reply.json(401, SimulatorJson.object().put("error", "Unauthorized"));
        }
    },

    /** Vertex AI {@code :predict}: errors in the Google API envelope {@code {error: {code, message, status}}}. */
    VERTEX {
        static final String UNAUTHENTICATED = "Request had invalid authentication credentials. Expected OAuth 2 access "
                + "token, login cookie or other valid authentication credential.";

        @Override
        RejectedRequest unsupportedMediaType() {
            return RejectedRequest.apiError(400, "INVALID_ARGUMENT", "Invalid Content-Type; expected application/json");
        }

        @Override
        RejectedRequest malformedJson(String detail) {
            return RejectedRequest.apiError(400, "INVALID_ARGUMENT", "Invalid JSON payload received. " + detail);
        }

        @Override
        ObjectNode errorBody(RejectedRequest rejection) {
            ObjectNode body = SimulatorJson.object();
            body.putObject("error")
                    .put("code", rejection.status())
                    .put("message", rejection.getMessage())
                    .put("status", rejection.errorType());
            return body;
        }

        @Override
        Reply unauthorized() {
            return Reply.json(401, errorBody(RejectedRequest.apiError(401, "UNAUTHENTICATED", UNAUTHENTICATED)));
        }
    };

    abstract RejectedRequest unsupportedMediaType();

    abstract RejectedRequest malformedJson(String detail);

    abstract ObjectNode errorBody(RejectedRequest rejection);

    abstract Reply unauthorized();

    Reply render(RejectedRequest rejection) {
        Reply reply = switch (rejection.kind()) {
            case API_ERROR -> Reply.json(rejection.status(), errorBody(rejection));
            case PLAIN_TEXT -> Reply.text(rejection.status(), rejection.getMessage());
            case EMPTY -> Reply.empty(rejection.status());
            case UNAUTHORIZED -> unauthorized();
        };
        Integer retryAfter = rejection.retryAfterSeconds();
        return retryAfter == null ? reply : reply.withHeader("Retry-After", String.valueOf(retryAfter));
    }
}
