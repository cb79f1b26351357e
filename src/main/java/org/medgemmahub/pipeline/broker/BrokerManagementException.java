package org.medgemmahub.pipeline.broker;

/** The broker's management address did not answer a request, or answered that it failed. */
public class BrokerManagementException extends RuntimeException {
    private final boolean refused;

    BrokerManagementException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    BrokerManagementException(String message, Throwable cause) {
        super(message, cause);
        this.refused = false;
    }

    /** The broker answered, and the answer was a failure (e.g. no such queue); otherwise it did not answer. */
    public boolean refused() {
        return refused;
    }
}
