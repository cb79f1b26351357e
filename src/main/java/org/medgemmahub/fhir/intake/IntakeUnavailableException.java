package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.Serial;

/** 503: the report was not queued (the broker is unreachable); nothing was accepted and the sender should resend. */
public class IntakeUnavailableException extends BaseServerResponseException {
    @Serial
    private static final long serialVersionUID = 1L;
    public static final int STATUS = 503;

    public IntakeUnavailableException(String message) {
        super(STATUS, message);
    }
}
