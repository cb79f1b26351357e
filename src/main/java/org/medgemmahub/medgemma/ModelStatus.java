package org.medgemmahub.medgemma;

/**
 * What a status probe found.
 *
 * @param state    {@code reachable}, {@code cold} (answering 502/503 while it loads or scales up) or {@code unreachable}
 * @param endpoint the configured base URL
 * @param modelId  the model the server reports, else the configured one
 * @param detail   why it is not reachable (status or error class), or null
 */
public record ModelStatus(String state, String endpoint, String modelId, String detail) {
    public static final String REACHABLE = "reachable";
    public static final String COLD = "cold";
    public static final String UNREACHABLE = "unreachable";

    public boolean available() {
        return REACHABLE.equals(state);
    }
}
