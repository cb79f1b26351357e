package org.medgemmahub.medgemma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bearer token for Vertex AI: from configuration, or from a file that a sidecar keeps current
 * ({@code gcloud auth print-access-token > file}). {@link #refresh()} re-reads the file after a 401.
 * The token itself never reaches a log or an exception message.
 */
class VertexTokenSource {
    private final String configured;
    private final Path file;
    private volatile String current;

    VertexTokenSource(String configured, Path file) {
        this.configured = configured;
        this.file = file;
        this.current = file != null ? readFile() : configured;
    }

    String current() {
        return current;
    }

    /** @return true when a token was read again (a file is configured), so one more try makes sense */
    boolean refresh() {
        if (file == null) return false;
        current = readFile();
        return true;
    }

    private String readFile() {
        try {
            String token = Files.readString(file).strip();
            return token.isEmpty() ? configured : token;
        } catch (IOException e) {
            throw new ModelRequestRejectedException("MODEL-VERTEX-TOKEN", 0,
                    "cannot read medgemma.vertex-token-file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
