package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Readable text from a report document: text/plain as is, HTML (and the XHTML narrative) without markup, PDF via PDFBox. */
final class AttachmentText {
    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/li|/h[1-6]|/table)\\b[^>]*>");
    private static final Pattern CELL_ENDS = Pattern.compile("(?i)<\\s*/t[dh]\\s*>");
    private static final Pattern SCRIPTS = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");

    private AttachmentText() {
    }

    static boolean isText(String mediaType) {
        return mediaType.equals("text/plain") || mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml")
                || mediaType.equals("application/pdf");
    }

    /** The text of a document of one of the {@link #isText text types}; empty if it holds none. */
    static Optional<String> of(AttachmentBytes document, String charsetName, String where) {
        String text = switch (document.contentType()) {
            case "text/plain" -> new String(document.bytes(), charset(charsetName));
            case "text/html", "application/xhtml+xml" -> fromHtml(new String(document.bytes(), charset(charsetName)));
            case "application/pdf" -> fromPdf(document.bytes(), where);
            default -> "";
        };
        String tidy = tidy(text);
        return tidy.isEmpty() ? Optional.empty() : Optional.of(tidy);
    }

    static String fromHtml(String html) {
        String text = SCRIPTS.matcher(html).replaceAll(" ");
        text = BREAKS.matcher(text).replaceAll("\n");
        text = CELL_ENDS.matcher(text).replaceAll(" ");
        text = TAGS.matcher(text).replaceAll("");
        return StringEscapeUtils.unescapeHtml4(text);
    }

    private static String fromPdf(byte[] pdf, String where) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UnprocessableEntityException("FHIR-INTAKE-BAD-PDF: " + where + " is not a readable PDF (" + e.getMessage() + ")");
        }
    }

    static String tidy(String text) {
        return text.replace('\u00a0', ' ')
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\n *", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static Charset charset(String charsetName) {
        if (charsetName == null) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The charset parameter of a content type, or null. */
    static String charsetOf(String contentType) {
        if (contentType == null) return null;
        var matcher = Pattern.compile("(?i);\\s*charset=\"?([^\";]+)").matcher(contentType);
        return matcher.find() ? matcher.group(1).strip() : null;
    }
}
