package org.medgemmahub.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.ExchangeHelper;
import org.springframework.stereotype.Component;

/**
 * Per inbound channel ({@code channel} = hl7, dicom, fhir): {@code hub.channel.received}, {@code hub.channel.acknowledged}
 * (AA, C-STORE 0x0000, HTTP 202: the input is queued) and {@code hub.channel.rejected} (AE/AR, a DICOM failure status,
 * a FHIR intake refused by back-pressure). Read from Camel's exchange events of the routes that answer the sender, so
 * the routes stay as they are. FHIR bodies HAPI cannot read are answered 400/422 before the intake route and are not
 * counted here.
 */
@Component
class ChannelMetrics extends EventNotifierSupport {
    /** Routes whose exchange ends with the answer to the sender, by the route that received the input. */
    private static final Map<String, String> INBOUND_ROUTES = Map.of("hl7-inbound", "hl7", "dicom-inbound", "dicom");
    /** The FHIR intake is called by the HAPI provider through this endpoint; its send is the intake's outcome. */
    private static final Map<String, String> INBOUND_ENDPOINTS = Map.of("direct://fhir-intake", "fhir");

    private final MeterRegistry registry;

    ChannelMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String channel : new String[] {"hl7", "dicom", "fhir"}) {
            for (String outcome : new String[] {"received", "acknowledged", "rejected"}) counter(outcome, channel);
        }
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sent) {
            String channel = INBOUND_ENDPOINTS.get(sent.getEndpoint().getEndpointKey());
            if (channel != null) count(channel, sent.getExchange());
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent) {
            Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
            // a split's parts end too, copies carrying the route id of their parent: only the original answers the sender
            if (exchange.getProperty(ExchangePropertyKey.CORRELATION_ID) != null) return;
            String channel = exchange.getFromRouteId() == null ? null : INBOUND_ROUTES.get(exchange.getFromRouteId());
            if (channel != null) count(channel, exchange);
        }
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSentEvent || event instanceof CamelEvent.ExchangeCompletedEvent
                || event instanceof CamelEvent.ExchangeFailedEvent;
    }

    private void count(String channel, Exchange exchange) {
        counter("received", channel).increment();
        boolean rejected = exchange.isFailed() || ExchangeHelper.isFailureHandled(exchange);
        counter(rejected ? "rejected" : "acknowledged", channel).increment();
    }

    private Counter counter(String outcome, String channel) {
        return Counter.builder("hub.channel." + outcome).tag("channel", channel)
                .description("inputs " + outcome + " per inbound channel").register(registry);
    }
}
