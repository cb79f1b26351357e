package org.medgemmahub.pipeline.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.medgemmahub.pipeline.QueueProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up with an external broker, checks through its management address that it has what the embedded one
 * gets from BrokerConfiguration: the hub's queues and dead-letter queues, each queue's dead-letter address,
 * endless redelivery of results, and a persisted duplicate-id cache. Each missing setting is logged at ERROR with
 * the broker.xml element to add (README "Running several hubs"); a broker that does not answer is logged at WARN.
 */
@Component
class ExternalBrokerSettingsCheck {
    private static final Logger log = LoggerFactory.getLogger(ExternalBrokerSettingsCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final BrokerManagement management;
    private final QueueProperties queues;

    ExternalBrokerSettingsCheck(ObjectProvider<EmbeddedActiveMQ> embedded, BrokerManagement management, QueueProperties queues) {
        this.embedded = embedded;
        this.management = management;
        this.queues = queues;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkExternalBroker() {
        if (embedded.getIfAvailable() != null) return;
        List<String> problems;
        try {
            problems = problems();
        } catch (BrokerManagementException e) {
            log.warn("external broker settings not checked ({}): make sure it has the hub's address settings "
                    + "(README \"Running several hubs\")", e.getMessage());
            return;
        }
        if (problems.isEmpty()) {
            log.info("external broker has the hub's queues, dead-letter addresses, redelivery and duplicate-id cache");
        } else {
            problems.forEach(problem -> log.error("external broker misconfigured: {} (README \"Running several hubs\")", problem));
        }
    }

    /** What the external broker lacks, one line each; empty when it has everything. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(List.of(queues.requests(), queues.results(), queues.dicomInstances(), queues.hl7Rejected()));
        names.addAll(List.of(queues.deadLetters(queues.requests()), queues.deadLetters(queues.results()),
                queues.deadLetters(queues.dicomInstances())));
        for (String queue : names) {
            try {
                management.attribute(ResourceNames.QUEUE + queue, "messageCount");
            } catch (BrokerManagementException e) {
                if (e.refused()) problems.add("no anycast queue " + queue + " (<queue name=\"" + queue + "\"/>)");
                else throw e;
            }
        }
        for (String queue : List.of(queues.requests(), queues.results(), queues.dicomInstances())) {
            JsonNode settings = addressSettings(queue);
            String deadLetters = queues.deadLetters(queue);
            if (!deadLetters.equals(settings.path("deadLetterAddress").asText())) {
                problems.add("address " + queue + " has dead-letter address '" + settings.path("deadLetterAddress").asText()
                        + "', needs " + deadLetters + " (<dead-letter-address>)");
            }
            if (settings.path("redeliveryDelay").asLong(0) <= 0) {
                problems.add("address " + queue + " redelivers at once; give it a <redelivery-delay> (e.g. 2000) and a multiplier");
            }
        }
        long resultAttempts = addressSettings(queues.results()).path("maxDeliveryAttempts").asLong(0);
        if (resultAttempts != -1) {
            problems.add("address " + queues.results() + " dead-letters a result after " + resultAttempts
                    + " failed FHIR writes; the hub waits out FHIR outages: <max-delivery-attempts>-1</max-delivery-attempts>");
        }
        Object persisted = management.attribute(ResourceNames.BROKER, "persistIDCache");
        if (!Boolean.TRUE.equals(persisted)) problems.add("the duplicate-id cache is not persisted (<persist-id-cache>true</persist-id-cache>)");
        Object cacheSize = management.attribute(ResourceNames.BROKER, "IDCacheSize");
        if (!(cacheSize instanceof Number size) || size.intValue() < 1000) {
            problems.add("the duplicate-id cache holds " + cacheSize + " ids; HL7 re-sends are caught early with <id-cache-size>100000</id-cache-size>");
        }
        return problems;
    }

    private JsonNode addressSettings(String address) {
        Object json = management.invoke(ResourceNames.BROKER, "getAddressSettingsAsJSON", address);
        try {
            return JSON.readTree(String.valueOf(json));
        } catch (Exception e) {
            throw new BrokerManagementException("address settings of " + address + " unreadable: " + e.getMessage(), e);
        }
    }
}
