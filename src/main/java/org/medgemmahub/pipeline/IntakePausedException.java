package org.medgemmahub.pipeline;

/**
 * New input is refused for now (disk nearly full, queue too deep): each channel answers with its protocol's
 * temporary failure so the sender keeps the message and resends it later. Nothing already accepted is affected.
 */
public class IntakePausedException extends RuntimeException {
    public static final String CODE = "HUB-BUSY";

    public IntakePausedException(String reason) {
        super(CODE + ": " + reason + "; resend later");
    }
}
