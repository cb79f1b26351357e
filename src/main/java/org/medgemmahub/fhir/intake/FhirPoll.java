package org.medgemmahub.fhir.intake;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.medgemmahub.pipeline.InferenceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The steps of the fhir-poll route (routes/fhir-poll.camel.yaml) around its camel-fhir search, by bean name fhirPoll. */
@Component("fhirPoll")
public class FhirPoll {
    private static final Logger log = LoggerFactory.getLogger(FhirPoll.class);

    private final FhirPollProperties properties;
    private final PollWatermark watermark;
    private final DiagnosticReportIntake intake;

    FhirPoll(FhirPollProperties properties, DiagnosticReportIntake intake) {
        this.properties = properties;
        this.watermark = new PollWatermark(properties.watermarkFile());
        this.intake = intake;
    }

    /** The search URL (relative to hub.fhir.poll.base-url) of the next page of new reports. */
    public String searchUrl() {
        if (properties.baseUrl() == null)
            throw new IllegalStateException("FHIR-POLL-NO-SOURCE: hub.fhir.poll.base-url is not set");
        return watermark.searchUrl(properties.pageSize());
    }

    /** The page's new reports as requests, for direct:fhir-intake. */
    public List<InferenceRequest> requests(Bundle page) {
        List<InferenceRequest> requests = intake.fromSearch(watermark.unseen(page), properties.baseUrl());
        if (!page.getEntry().isEmpty()) log.info("FHIR poll: {} report(s) found, {} new request(s)", page.getEntry().size(), requests.size());
        return requests;
    }

    /** After the requests are queued: the watermark moves past this page. */
    public void advance(Bundle page) {
        watermark.advance(page);
    }
}
