package org.medgemmahub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.event.ExchangeCompletedEvent;
import org.apache.camel.impl.event.ExchangeFailedEvent;
import org.apache.camel.impl.event.ExchangeSentEvent;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.ExchangeHelper;
import org.junit.jupiter.api.Test;

class ChannelMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ChannelMetrics metrics = new ChannelMetrics(registry);
    private final CamelContext camel = new DefaultCamelContext();

    @Test
    void countsAnHl7MessageAnsweredAaAsAcknowledgedAndOneAnsweredThroughTheErrorHandlerAsRejected() {
        metrics.notify(new ExchangeCompletedEvent(fromRoute("hl7-inbound")));
        Exchange nak = fromRoute("hl7-inbound");
        ExchangeHelper.setFailureHandled(nak);
        metrics.notify(new ExchangeCompletedEvent(nak));

        assertThat(count("received", "hl7")).isEqualTo(2);
        assertThat(count("acknowledged", "hl7")).isEqualTo(1);
        assertThat(count("rejected", "hl7")).isEqualTo(1);
    }

    @Test
    void countsAMessageOnceWhenItsRouteSplitItIntoSeveralRequests() {
        Exchange message = fromRoute("hl7-inbound");
        Exchange part = fromRoute("hl7-inbound");
        part.setProperty(ExchangePropertyKey.CORRELATION_ID, message.getExchangeId());
        metrics.notify(new ExchangeCompletedEvent(part));
        metrics.notify(new ExchangeCompletedEvent(message));

        assertThat(count("received", "hl7")).isEqualTo(1);
        assertThat(count("acknowledged", "hl7")).isEqualTo(1);
    }

    @Test
    void countsADicomInstanceAnsweredWithAFailureStatusAsRejected() {
        Exchange refused = fromRoute("dicom-inbound");
        refused.setException(new IllegalStateException("DICOM-UNREADABLE"));
        metrics.notify(new ExchangeFailedEvent(refused));

        assertThat(count("received", "dicom")).isEqualTo(1);
        assertThat(count("rejected", "dicom")).isEqualTo(1);
        assertThat(count("acknowledged", "dicom")).isZero();
    }

    @Test
    void countsFhirIntakeCallsThroughItsDirectEndpointAndIgnoresOtherRoutesAndEndpoints() {
        metrics.notify(new ExchangeSentEvent(new DefaultExchange(camel), camel.getEndpoint("direct:fhir-intake"), 3));
        Exchange paused = new DefaultExchange(camel);
        paused.setException(new IntakePausedException("HUB-BUSY"));
        metrics.notify(new ExchangeSentEvent(paused, camel.getEndpoint("direct:fhir-intake"), 1));
        metrics.notify(new ExchangeSentEvent(new DefaultExchange(camel), camel.getEndpoint("direct:elsewhere"), 1));
        metrics.notify(new ExchangeCompletedEvent(fromRoute("fhir-write")));

        assertThat(count("received", "fhir")).isEqualTo(2);
        assertThat(count("acknowledged", "fhir")).isEqualTo(1);
        assertThat(count("rejected", "fhir")).isEqualTo(1);
        assertThat(count("received", "hl7") + count("received", "dicom")).isZero();
    }

    private Exchange fromRoute(String routeId) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getExchangeExtension().setFromRouteId(routeId);
        return exchange;
    }

    private double count(String outcome, String channel) {
        return registry.get("hub.channel." + outcome).tag("channel", channel).counter().count();
    }
}
