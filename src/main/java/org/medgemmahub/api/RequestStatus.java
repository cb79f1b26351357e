package org.medgemmahub.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where one inference request stands, as {@code GET /api/requests/{id}} answers it.
 *
 * @param id          the request id (the end of the Location an intake answered with)
 * @param state       see {@link State}
 * @param observation the URL of the Observation written for it, when done
 * @param reason      the failure reason (a stable code and text), when dead-lettered
 * @param queue       the queue it is on or was dead-lettered to, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestStatus(String id, State state, String observation, String reason, String queue) {

    public enum State {
        /** On the requests queue, waiting for the model (also while waiting for a scheduled retry). */
        QUEUED("queued"),
        /** With the model, or its result waiting for the FHIR writer. */
        IN_PROGRESS("in-progress"),
        /** The Observation is on the FHIR server. */
        DONE("done"),
        /** On a dead-letter queue, with the reason. */
        DEAD_LETTERED("dead-lettered"),
        /** Not found: never accepted, or being handed from one step to the next at this moment. */
        UNKNOWN("unknown");

        private final String json;

        State(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    static RequestStatus of(String id, State state) {
        return new RequestStatus(id, state, null, null, null);
    }
}
