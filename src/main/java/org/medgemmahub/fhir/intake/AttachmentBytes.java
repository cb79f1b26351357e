package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Base64;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Reference;

/**
 * The bytes and media type of an attachment: its inline {@code data} (strict base64, so corrupt content is answered 400
 * rather than decoded into garbage), or the Binary its {@code url} names. A URL the hub cannot resolve gives nothing.
 */
record AttachmentBytes(String contentType, byte[] bytes) {

    static Optional<AttachmentBytes> of(Attachment attachment, String where, ReportResources resources) {
        String contentType = mediaType(attachment.getContentType());
        if (attachment.hasDataElement() && attachment.getDataElement().getValueAsString() != null) {
            return Optional.of(new AttachmentBytes(contentType, decode(attachment.getDataElement().getValueAsString(), where)));
        }
        if (attachment.hasUrl()) {
            return resources.find(new Reference(attachment.getUrl()), Binary.class)
                    .filter(Binary::hasData)
                    .map(binary -> new AttachmentBytes(contentType.isEmpty() ? mediaType(binary.getContentType()) : contentType, binary.getData()));
        }
        return Optional.empty();
    }

    /** The media type without parameters, lower case; empty when not given. */
    static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("FHIR-INTAKE-BAD-BASE64: " + where + " is not valid base64 (" + e.getMessage() + ")");
        }
    }
}
