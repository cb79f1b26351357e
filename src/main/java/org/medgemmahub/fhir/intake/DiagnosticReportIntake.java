package org.medgemmahub.fhir.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.medgemmahub.pipeline.InferenceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one normalization behind every FHIR intake path: a posted report, a posted bundle, a report read after a Subscription
 * notification and the reports a poll finds all become {@link InferenceRequest}s here. The HTTP paths queue through
 * {@link IntakeQueue} and return only after the broker has every request; a bundle is mapped completely before anything is
 * queued, so an unusable report in it leaves nothing half-queued.
 */
@Component("fhirIntake")
public class DiagnosticReportIntake {
    private static final Logger log = LoggerFactory.getLogger(DiagnosticReportIntake.class);
    private static final Set<BundleType> REPORT_BUNDLES = EnumSet.of(BundleType.TRANSACTION, BundleType.BATCH, BundleType.COLLECTION,
            BundleType.DOCUMENT);

    private final FhirContext fhirContext;
    private final IntakeQueue queue;
    private final FhirIntakeProperties properties;
    private final DiagnosticReportMapper mapper;

    DiagnosticReportIntake(FhirContext fhirContext, IntakeQueue queue, FhirIntakeProperties properties) {
        this.fhirContext = fhirContext;
        this.queue = queue;
        this.properties = properties;
        this.mapper = new DiagnosticReportMapper(fhirContext, properties.textTask());
        fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    /** {@code POST /fhir/DiagnosticReport}: references not in the report are read from {@code hub.fhir.intake.reference-base-url}. */
    List<InferenceRequest> acceptReport(DiagnosticReport report, String sender) {
        InferenceRequest request = mapper.toRequest(report, ReportResources.of(report, client(properties.referenceBaseUrl())),
                postedId(report, null), sender, "http", Instant.now());
        queue.queue(List.of(request));
        log.info("FHIR report {} queued as request {} (task {})", request.sourceId(), request.id(), request.task());
        return List.of(request);
    }

    /** Whether a bundle POSTed to the base is the intake's: it holds at least one DiagnosticReport. */
    static boolean holdsReports(Bundle bundle) {
        return bundle.getEntry().stream().anyMatch(entry -> entry.getResource() instanceof DiagnosticReport);
    }

    /** {@code POST /fhir} with a bundle: every DiagnosticReport in it, resolved against the bundle first. */
    List<InferenceRequest> acceptBundle(Bundle bundle, String sender) {
        if (!bundle.hasType() || !REPORT_BUNDLES.contains(bundle.getType()))
            throw new InvalidRequestException("FHIR-INTAKE-BUNDLE-TYPE: a bundle of DiagnosticReports must be a transaction, batch, "
                    + "collection or document, not " + (bundle.hasType() ? bundle.getType().toCode() : "a bundle without type"));
        List<InferenceRequest> requests = new ArrayList<>();
        IGenericClient source = client(properties.referenceBaseUrl());
        Instant now = Instant.now();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (!(entry.getResource() instanceof DiagnosticReport report)) continue;
            if (requests.size() == properties.maxBundleReports())
                throw new UnprocessableEntityException("FHIR-INTAKE-TOO-MANY: a bundle may hold at most " + properties.maxBundleReports()
                        + " DiagnosticReports");
            requests.add(mapper.toRequest(report, ReportResources.of(bundle, report, source), postedId(report, entry.getFullUrl()),
                    sender, "bundle", now));
        }
        queue.queue(requests);
        log.info("FHIR bundle of {} report(s) queued as requests {}", requests.size(), requests.stream().map(InferenceRequest::id).toList());
        return requests;
    }

    /** After a Subscription notification: the report read from {@code baseUrl} (camel-fhir), as a request the route queues. */
    public List<InferenceRequest> fromNotification(DiagnosticReport report, String baseUrl) {
        return List.of(fromSource(report, client(baseUrl), baseUrl, "subscription", Instant.now()));
    }

    /**
     * A poll's search result as requests. A report the hub cannot use is logged with its code and skipped: there is nobody to
     * answer, and the watermark must still move past it.
     */
    public List<InferenceRequest> fromSearch(Bundle searchSet, String baseUrl) {
        IGenericClient source = client(baseUrl);
        Instant now = Instant.now();
        List<InferenceRequest> requests = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : searchSet.getEntry()) {
            if (!(entry.getResource() instanceof DiagnosticReport report)) continue;
            try {
                requests.add(fromSource(report, source, baseUrl, "poll", now));
            } catch (BaseServerResponseException e) {
                log.warn("polled DiagnosticReport {} skipped: {}", report.getIdElement().getIdPart(), e.getMessage());
            }
        }
        return requests;
    }

    private InferenceRequest fromSource(DiagnosticReport report, IGenericClient source, String baseUrl, String channel, Instant now) {
        String reportId = baseUrl.replaceAll("/+$", "") + "/DiagnosticReport/" + report.getIdElement().getIdPart();
        return mapper.toRequest(report, ReportResources.of(report, source), reportId, baseUrl, channel, now);
    }

    /** A posted report's identity: its id, else its bundle fullUrl, else its first identifier; the content hash versions it. */
    private static String postedId(DiagnosticReport report, String fullUrl) {
        if (report.getIdElement().hasIdPart()) return "DiagnosticReport/" + report.getIdElement().getIdPart();
        if (fullUrl != null && !fullUrl.startsWith("urn:")) return fullUrl;
        if (report.hasIdentifier() && report.getIdentifierFirstRep().hasValue())
            return "DiagnosticReport?identifier=" + report.getIdentifierFirstRep().getSystem() + "|" + report.getIdentifierFirstRep().getValue();
        return "DiagnosticReport";
    }

    private IGenericClient client(String baseUrl) {
        return baseUrl == null ? null : fhirContext.newRestfulGenericClient(baseUrl);
    }
}
