package org.medgemmahub.medgemma;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A model call's outcome after output handling.
 *
 * @param reply         the server's reply (raw text as received)
 * @param text          the answer cleaned of turn markers and surrounding whitespace
 * @param parsed        the JSON object of a json template, or null (text template, or unparsed)
 * @param parseError    why a json template's answer could not be parsed (after the one repair request), or null
 * @param repaired      a repair request was made
 * @param latencyMillis time spent in model calls
 */
public record ModelAnswer(ModelReply reply, String text, JsonNode parsed, String parseError, boolean repaired,
                          long latencyMillis) {
}
