package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a TGI generate request the simulator reads, validated as TGI does: wrong JSON types are axum's
 * plain-text 422, out-of-range values TGI's {@code validation} 422.
 */
record TgiParameters(String inputs, Integer maxNewTokens, boolean details, Long seed) {
    private static final String DESERIALIZE_ERROR = "Failed to deserialize the JSON body into the target type: ";

    static TgiParameters read(JsonNode body) throws RejectedRequest {
        if (!body.isObject())
            throw typeError("expected a JSON object with `inputs`");
        JsonNode inputs = body.get("inputs");
        if (inputs == null || inputs.isNull())
            throw typeError("missing field `inputs`");
        if (!inputs.isTextual())
            throw typeError("inputs: invalid type, expected a string");
        if (inputs.asText().isBlank())
            throw RejectedRequest.tgiValidation("`inputs` cannot be empty");
        JsonNode parameters = body.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isNull() && !parameters.isObject())
            throw typeError("parameters: invalid type, expected a JSON object");
        Double temperature = number(parameters, "temperature");
        if (temperature != null && temperature <= 0)
            throw RejectedRequest.tgiValidation("`temperature` must be strictly positive");
        Double topP = number(parameters, "top_p");
        if (topP != null && (topP <= 0 || topP >= 1.0))
            throw RejectedRequest.tgiValidation("`top_p` must be > 0.0 and < 1.0");
        Long maxNewTokens = integer(parameters, "max_new_tokens");
        if (maxNewTokens != null && (maxNewTokens < 1 || maxNewTokens > Integer.MAX_VALUE))
            throw RejectedRequest.tgiValidation("`max_new_tokens` must be strictly positive");
        JsonNode details = parameters.path("details");
        if (!details.isMissingNode() && !details.isNull() && !details.isBoolean())
            throw typeError("parameters.details: invalid type, expected a boolean");
        return new TgiParameters(inputs.asText(),
                maxNewTokens == null ? null : maxNewTokens.intValue(), details.asBoolean(false),
                integer(parameters, "seed"));
    }

    private static Double number(JsonNode parameters, String field) throws RejectedRequest {
        JsonNode value = parameters.path(field);
        if (value.isMissingNode() || value.isNull())
            return null;
        if (!value.isNumber())
            throw typeError("parameters." + field + ": invalid type, expected a number");
        return value.asDouble();
    }

    private static Long integer(JsonNode parameters, String field) throws RejectedRequest {
        JsonNode value = parameters.path(field);
        if (value.isMissingNode() || value.isNull())
            return null;
        if (!value.isIntegralNumber() || !value.canConvertToLong())
            throw typeError("parameters." + field + ": invalid type, expected an integer");
        return value.asLong();
    }

    private static RejectedRequest typeError(String detail) {
        return RejectedRequest.plainText(422, DESERIALIZE_ERROR + detail);
    }
}
