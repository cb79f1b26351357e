package org.medgemmahub.api;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.medgemmahub.fhir.FhirNames;
import org.medgemmahub.pipeline.HubHeaders;
import org.medgemmahub.pipeline.QueueProperties;
import org.medgemmahub.api.RequestStatus.State;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Derives a request's state from where it is: the Observation on the FHIR server (done), the dead-letter queues (with the
 * reason), the results queue (in progress) and the requests queue (queued). Queues are browsed by {@code HubRequestId}; with
 * the embedded broker, messages a consumer holds (in progress) and those scheduled for a retry (queued) are seen too.
 */
@Component
class RequestStatusFinder {
    private final JmsTemplate jms;
    private final QueueProperties queues;
    private final IGenericClient fhir;
    private final ObjectProvider<EmbeddedActiveMQ> embeddedBroker;

    RequestStatusFinder(JmsTemplate jms, QueueProperties queues, FhirContext fhirContext,
                        @Value("${hub.fhir.server-url}") String fhirServerUrl, ObjectProvider<EmbeddedActiveMQ> embeddedBroker) {
        this.jms = jms;
        this.queues = queues;
        this.fhir = fhirContext.newRestfulGenericClient(fhirServerUrl);
        this.embeddedBroker = embeddedBroker;
    }

    RequestStatus find(String id) {
        Optional<Observation> written = observation(id);
        if (written.isPresent())
            return new RequestStatus(id, State.DONE, written.get().getIdElement().toUnqualifiedVersionless().withServerBase(
                    fhir.getServerBase(), "Observation").getValue(), null, null);
        for (String queue : List.of(queues.deadLetters(queues.results()), queues.deadLetters(queues.requests()))) {
            Optional<String> reason = reasonOnQueue(queue, id);
            if (reason.isPresent()) return new RequestStatus(id, State.DEAD_LETTERED, null, reason.get(), queue);
        }
        if (onQueue(queues.results(), id) || delivering(queues.requests(), id) || delivering(queues.results(), id))
            return new RequestStatus(id, State.IN_PROGRESS, null, null, null);
        if (onQueue(queues.requests(), id) || scheduled(queues.requests(), id))
            return new RequestStatus(id, State.QUEUED, null, null, queues.requests());
        return RequestStatus.of(id, State.UNKNOWN);
    }

    private Optional<Observation> observation(String id) {
        Bundle found = fhir.search().forResource(Observation.class)
                .where(new TokenClientParam("identifier").exactly().systemAndCode(FhirNames.REQUEST_ID_SYSTEM, id))
                .returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(entry -> (Observation) entry.getResource()).findFirst();
    }

    private boolean onQueue(String queue, String id) {
        return !browse(queue, id).isEmpty();
    }

    private Optional<String> reasonOnQueue(String queue, String id) {
        return browse(queue, id).stream().findFirst();
    }

    /** The failure reasons (empty string when none) of the messages of this request on the queue. */
    private List<String> browse(String queue, String id) {
        return jms.browseSelected(queue, HubHeaders.REQUEST_ID + " = '" + id + "'", (session, browser) -> {
            List<String> reasons = new ArrayList<>();
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements(); ) {
                String reason = ((Message) messages.nextElement()).getStringProperty(HubHeaders.FAILURE_REASON);
                reasons.add(reason == null ? "" : reason);
            }
            return reasons;
        });
    }

    private boolean delivering(String queue, String id) {
        return serverQueue(queue).map(q -> q.getDeliveringMessages().values().stream().flatMap(List::stream)
                .anyMatch(reference -> isFor(reference, id))).orElse(false);
    }

    private boolean scheduled(String queue, String id) {
        return serverQueue(queue).map(q -> q.getScheduledMessages().stream().anyMatch(reference -> isFor(reference, id))).orElse(false);
    }

    private static boolean isFor(MessageReference reference, String id) {
        Object value = reference.getMessage().getObjectProperty(HubHeaders.REQUEST_ID);
        return value != null && id.equals(value.toString());
    }

    private Optional<Queue> serverQueue(String name) {
        EmbeddedActiveMQ broker = embeddedBroker.getIfAvailable();
        if (broker == null || broker.getActiveMQServer() == null) return Optional.empty();
        return Optional.ofNullable(broker.getActiveMQServer().locateQueue(SimpleString.of(name)));
    }
}
