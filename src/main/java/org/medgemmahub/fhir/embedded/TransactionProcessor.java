package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medgemmahub.fhir.embedded.ResourceStore.WriteOutcome;
import org.medgemmahub.fhir.embedded.ResourceStore.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * System-level {@code POST /fhir} with a transaction or batch bundle (POST with or without ifNoneExist, PUT by id, GET).
 * <p>
 * Transaction: all entries are checked, conditions evaluated and {@code urn:uuid:} placeholders resolved before anything is
 * stored; the writes then run under one store lock and are on disk before the answer. Any failure answers 400/404/412/422 and
 * leaves the store as it was. A placeholder whose conditional create matched an existing resource points at that resource.
 * An ifNoneExist value that is exactly a placeholder (e.g. a Provenance's {@code target=urn:uuid:...}) is replaced by the
 * reference it stands for when it is the fullUrl of a PUT or of an earlier POST entry.
 * <p>
 * Batch: each entry runs on its own and gets its own status; a failed entry does not stop the others. A placeholder can only
 * refer to an earlier entry that succeeded.
 * <p>
 * Public with a public method because HAPI calls it reflectively.
 */
public final class TransactionProcessor {
    private static final Logger log = LoggerFactory.getLogger(TransactionProcessor.class);
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAXIMUM_PAGE_SIZE = 500;

    private final FhirContext fhirContext;
    private final ResourceStore store;
    private final SearchQueryParser parser;
    private final List<FhirServerExtension> extensions;

    TransactionProcessor(FhirContext fhirContext, ResourceStore store, SearchQueryParser parser, List<FhirServerExtension> extensions) {
        this.fhirContext = fhirContext;
        this.store = store;
        this.parser = parser;
        this.extensions = List.copyOf(extensions);
    }

    /** A bundle an extension claims (a DiagnosticReport bundle for the intake) is its answer; the store processes the rest. */
    @Transaction
    public Bundle process(@TransactionParam Bundle bundle, RequestDetails request) {
        for (FhirServerExtension extension : extensions) {
            Optional<Bundle> answer = extension.handleBundle(bundle, request);
            if (answer.isPresent()) return answer.get();
        }
        String base = request.getFhirServerBase();
        if (bundle.getType() == BundleType.TRANSACTION)
            return transaction(bundle, base);
        if (bundle.getType() == BundleType.BATCH)
            return batch(bundle, base);
        throw new InvalidRequestException("FHIR-EMB-BUNDLE-TYPE: POST to the base takes a transaction or batch bundle, not "
                + (bundle.hasType() ? bundle.getType().toCode() : "a bundle without type"));
    }

    private Bundle transaction(Bundle bundle, String base) {
        List<BundleEntryRequest> requests = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++)
            requests.add(BundleEntryRequest.of(i, bundle.getEntry().get(i), parser, store.resourceTypes()));
        List<BundleEntryComponent> answers = store.write(writer -> execute(requests, writer, new HashMap<>(), base));
        Bundle response = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
        answers.forEach(response::addEntry);
        log.info("Embedded FHIR transaction done: {} entries, {} created", answers.size(),
                answers.stream().filter(answer -> answer.getResponse().getStatus().startsWith("201")).count());
        return response;
    }

    private Bundle batch(Bundle bundle, String base) {
        Bundle response = new Bundle().setType(BundleType.BATCHRESPONSE);
        Map<String, IdType> placeholders = new HashMap<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            try {
                BundleEntryRequest request = BundleEntryRequest.of(i, bundle.getEntry().get(i), parser, store.resourceTypes());
                Map<String, IdType> known = new HashMap<>(placeholders);
                response.addEntry(store.write(writer -> execute(List.of(request), writer, known, base).get(0)));
                placeholders.putAll(known);
            } catch (BaseServerResponseException e) {
                log.warn("Embedded FHIR batch entry {} failed with {}: {}", i, e.getStatusCode(), e.getMessage());
                response.addEntry(failed(e));
            }
        }
        return response;
    }

    /** Runs the requests under the caller's write lock; {@code placeholders} gains the fullUrls of the entries written. */
    private List<BundleEntryComponent> execute(List<BundleEntryRequest> requests, Writer writer, Map<String, IdType> placeholders,
                                               String base) {
        int size = requests.size();
        Resource[] matched = new Resource[size];
        String[] ids = new String[size];
        // Decide every write's id first, against the store as it was, so each placeholder is known before any entry uses it:
        // PUT ids are given; POSTs go in bundle order, so a condition can name the placeholder of a PUT or an earlier POST.
        for (int i = 0; i < size; i++)
            if (requests.get(i).method() == HTTPVerb.PUT)
                ids[i] = remember(requests.get(i), requests.get(i).id(), placeholders);
        for (int i = 0; i < size; i++) {
            BundleEntryRequest request = requests.get(i);
            if (request.method() != HTTPVerb.POST)
                continue;
            ResourceQuery condition = request.condition() == null ? null
                    : parser.parseCondition(request.resourceType(), request.condition(), placeholders);
            Optional<Resource> match = writer.findSingle(condition);
            matched[i] = match.orElse(null);
            ids[i] = remember(request, match.map(resource -> resource.getIdElement().getIdPart()).orElseGet(writer::newId), placeholders);
        }
        for (int i = 0; i < size; i++)
            if (ids[i] != null && matched[i] == null)
                resolvePlaceholders(requests.get(i), placeholders);
        BundleEntryComponent[] answers = new BundleEntryComponent[size];
        for (int i = 0; i < size; i++) {
            if (ids[i] == null)
                continue;
            WriteOutcome outcome = matched[i] != null ? new WriteOutcome(matched[i], false) : writer.save(requests.get(i).resource(), ids[i]);
            answers[i] = written(outcome, base);
        }
        // FHIR processes reads last, so they see this transaction's writes
        for (int i = 0; i < size; i++)
            if (ids[i] == null)
                answers[i] = read(requests.get(i), writer, base);
        return Arrays.asList(answers);
    }

    private static String remember(BundleEntryRequest request, String id, Map<String, IdType> placeholders) {
        if (request.hasPlaceholder() && placeholders.put(request.fullUrl(), new IdType(request.resourceType(), id)) != null)
            throw new InvalidRequestException("FHIR-EMB-BAD-ENTRY: " + request.where() + " repeats the fullUrl " + request.fullUrl());
        return id;
    }

    private void resolvePlaceholders(BundleEntryRequest request, Map<String, IdType> placeholders) {
        for (Reference reference : fhirContext.newTerser().getAllPopulatedChildElementsOfType(request.resource(), Reference.class)) {
            String target = reference.getReference();
            if (target == null || !target.startsWith("urn:"))
                continue;
            IdType resolved = placeholders.get(target);
            if (resolved == null)
                throw new UnprocessableEntityException("FHIR-EMB-UNRESOLVED-PLACEHOLDER: " + request.where() + " refers to " + target
                        + ", which is not the fullUrl of an entry written here");
            reference.setReference(resolved.getValue());
            reference.setResource(null);
        }
    }

    private BundleEntryComponent read(BundleEntryRequest request, Writer writer, String base) {
        BundleEntryComponent answer = new BundleEntryComponent();
        answer.getResponse().setStatus(status(HttpStatus.OK));
        if (request.id() == null) {
            answer.setResource(searchSet(writer.search(request.query()), request.query(), base));
            return answer;
        }
        Optional<Resource> found = request.version() == null
                ? writer.read(request.resourceType(), request.id())
                : writer.read(request.resourceType(), request.id(), request.version());
        Resource resource = found.orElseThrow(() -> new ResourceNotFoundException("FHIR-EMB-NOT-FOUND: " + request.where() + ": "
                + request.resourceType() + "/" + request.id() + (request.version() == null ? "" : "/_history/" + request.version())
                + " is not known"));
        answer.setFullUrl(fullUrl(base, resource)).setResource(resource);
        answer.getResponse().setEtag(etag(resource)).setLastModified(resource.getMeta().getLastUpdated());
        return answer;
    }

    private static Bundle searchSet(List<Resource> matches, ResourceQuery query, String base) {
        int pageSize = Math.min(query.count() == null ? DEFAULT_PAGE_SIZE : query.count(), MAXIMUM_PAGE_SIZE);
        Bundle searchSet = new Bundle().setType(BundleType.SEARCHSET).setTotal(matches.size());
        matches.stream().limit(pageSize).forEach(resource -> searchSet.addEntry()
                .setFullUrl(fullUrl(base, resource)).setResource(resource)
                .getSearch().setMode(SearchEntryMode.MATCH));
        return searchSet;
    }

    private static BundleEntryComponent written(WriteOutcome outcome, String base) {
        Resource resource = outcome.resource();
        BundleEntryComponent answer = new BundleEntryComponent().setFullUrl(fullUrl(base, resource));
        answer.getResponse()
                .setStatus(status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK))
                .setLocation(resource.getIdElement().toUnqualified().getValue())
                .setEtag(etag(resource))
                .setLastModified(resource.getMeta().getLastUpdated());
        return answer;
    }

    private static BundleEntryComponent failed(BaseServerResponseException e) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(e.getStatusCode() == 404 ? IssueType.NOTFOUND : e.getStatusCode() == 412 ? IssueType.CONFLICT : IssueType.PROCESSING)
                .setDiagnostics(e.getMessage());
        BundleEntryComponent answer = new BundleEntryComponent();
        HttpStatus status = HttpStatus.resolve(e.getStatusCode());
        answer.getResponse().setStatus(status == null ? Integer.toString(e.getStatusCode()) : status(status)).setOutcome(outcome);
        return answer;
    }

    private static String fullUrl(String base, Resource resource) {
        return base + "/" + resource.getIdElement().toUnqualifiedVersionless().getValue();
    }

    private static String etag(Resource resource) {
        return "W/\"" + resource.getMeta().getVersionId() + "\"";
    }

    private static String status(HttpStatus status) {
        return status.value() + " " + status.getReasonPhrase();
    }
}
