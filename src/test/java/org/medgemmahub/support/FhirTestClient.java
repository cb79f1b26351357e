package org.medgemmahub.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;

/** Reads what the hub wrote, with HAPI's generic client, as a downstream system would. */
public final class FhirTestClient {
    private final IGenericClient client;

    public FhirTestClient(String baseUrl) {
        this.client = FhirContext.forR4Cached().newRestfulGenericClient(baseUrl);
    }

    /** {@code Observation?subject:identifier=system|value}. */
    public List<Observation> observationsFor(String system, String value) {
        Bundle bundle = client.search().forResource(Observation.class)
                .where(new TokenClientParam("subject:identifier").exactly().systemAndCode(system, value))
                .returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream().map(e -> (Observation) e.getResource()).toList();
    }

    /** {@code Observation?identifier=<request id system>|id}. */
    public List<Observation> observationsWithRequestId(String requestId) {
        Bundle bundle = client.search().forResource(Observation.class)
                .where(new TokenClientParam("identifier").exactly().systemAndCode("https://medgemma-hub.org/fhir/sid/request-id", requestId))
                .returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream().map(e -> (Observation) e.getResource()).toList();
    }

    /** {@code Provenance?target=Observation/id}. */
    public List<Provenance> provenanceOf(Observation observation) {
        Bundle bundle = client.search().forResource(Provenance.class)
                .where(Provenance.TARGET.hasId("Observation/" + observation.getIdElement().getIdPart()))
                .returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream().map(e -> (Provenance) e.getResource()).toList();
    }
}
