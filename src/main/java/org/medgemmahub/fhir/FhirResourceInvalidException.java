package org.medgemmahub.fhir;

import java.util.List;

/** An outgoing resource failed validation; it goes to the dead-letter queue, never to the FHIR server. */
public class FhirResourceInvalidException extends RuntimeException {
    private final List<String> problems;

    public FhirResourceInvalidException(List<String> problems) {
        super("FHIR-INVALID: " + String.join("; ", problems.subList(0, Math.min(problems.size(), 5)))
                + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
