package org.medgemmahub.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Derives stable request ids from source identifiers, so the same input always maps to the same id. */
public final class RequestIds {
    private RequestIds() {
    }

    /** A name-based UUID over the parts, joined with a separator that cannot occur in them unescaped. */
    public static String of(SourceKind kind, String... parts) {
        StringBuilder name = new StringBuilder(kind.name());
        for (String part : parts) {
            name.append('|').append(part == null ? "" : part.replace("\\", "\\\\").replace("|", "\\|"));
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
