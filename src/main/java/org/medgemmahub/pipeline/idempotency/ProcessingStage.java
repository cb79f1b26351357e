package org.medgemmahub.pipeline.idempotency;

/** A step that must happen at most once per message id, each with its own claims. */
public enum ProcessingStage {
    /** The model call for a request id, done once its result is on the results queue. */
    INFERENCE("inference"),
    /** The FHIR write of a result, done once the FHIR server accepted the transaction. */
    FHIR_WRITE("fhir-write");

    private final String column;

    ProcessingStage(String column) {
        this.column = column;
    }

    /** The value stored in the {@code stage} column. */
    public String column() {
        return column;
    }
}
