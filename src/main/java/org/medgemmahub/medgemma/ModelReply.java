package org.medgemmahub.medgemma;

/**
 * What a backend got back.
 *
 * @param text      generated text, turn markers not yet stripped
 * @param modelId   model id the server reported, else the configured one
 * @param truncated the server stopped at the token limit ({@code finish_reason: length})
 */
public record ModelReply(String text, String modelId, boolean truncated) {
}
