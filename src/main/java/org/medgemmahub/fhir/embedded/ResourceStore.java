package org.medgemmahub.fhir.embedded;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's resources: held in memory, written through to {@link ResourceFiles} and loaded back from them at
 * start-up. Reads share a lock; the writes of one request (a create, an update, a whole transaction) run under one exclusive
 * lock and reach the disk before it is released, so a conditional create cannot interleave with another write, a reader never
 * sees half a transaction, and a failed request leaves nothing behind. Resources handed out are copies.
 */
final class ResourceStore {
    private static final Logger log = LoggerFactory.getLogger(ResourceStore.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");
    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.comparing((Entry entry) -> entry.resource().getMeta().getLastUpdated()).thenComparingLong(Entry::sequence);

    private final ResourceFiles files;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Map<String, Entry>> current = new HashMap<>();
    private long lastSequence;
    private long lastStamp;

    private ResourceStore(ResourceFiles files, Collection<String> resourceTypes) {
        this.files = files;
        resourceTypes.forEach(type -> current.put(type, new HashMap<>()));
    }

    /** Opens the store in {@code directory} (created on first write) and loads what an earlier run left there. */
    static ResourceStore open(Path directory, FhirContext fhirContext, Collection<String> resourceTypes) throws IOException {
        ResourceFiles files = new ResourceFiles(directory, fhirContext);
        ResourceStore store = new ResourceStore(files, resourceTypes);
        List<Resource> loaded = new ArrayList<>(files.loadCurrent(resourceTypes));
        loaded.forEach(ResourceStore::completeMeta);
        loaded.sort(Comparator.comparing(resource -> resource.getMeta().getLastUpdated()));
        for (Resource resource : loaded) {
            store.current.get(resource.fhirType()).put(resource.getIdElement().getIdPart(), new Entry(resource, ++store.lastSequence));
            store.lastStamp = Math.max(store.lastStamp, resource.getMeta().getLastUpdated().getTime());
        }
        log.info("Embedded FHIR store {} holds {} resources", files.root(), loaded.size());
        return store;
    }

    Set<String> resourceTypes() {
        return current.keySet();
    }

    Optional<Resource> read(String type, String id) {
        lock.readLock().lock();
        try {
            return entry(type, id).map(entry -> entry.resource().copy());
        } finally {
            lock.readLock().unlock();
        }
    }

    Optional<Resource> read(String type, String id, String version) {
        lock.readLock().lock();
        try {
            Optional<Entry> entry = entry(type, id);
            if (entry.isEmpty() || !VERSION.matcher(version).matches())
                return Optional.empty();
            Resource latest = entry.get().resource();
            if (version.equals(latest.getMeta().getVersionId()))
                return Optional.of(latest.copy());
            return files.readVersion(type, id, version);
        } catch (IOException e) {
            log.error("FHIR-EMB-STORE-IO: could not read version {} of {}/{}", version, type, id, e);
            throw new InternalErrorException("FHIR-EMB-STORE-IO: the embedded FHIR store could not read from disk", e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every resource the query matches, newest {@code meta.lastUpdated} first unless the query asks for the oldest first. */
    List<Resource> search(ResourceQuery query) {
        lock.readLock().lock();
        try {
            return current.getOrDefault(query.resourceType(), Map.of()).values().stream()
                    .filter(entry -> query.matches(entry.resource(), this::resolve))
                    .sorted(query.oldestFirst() ? OLDEST_FIRST : OLDEST_FIRST.reversed())
                    .map(entry -> entry.resource().copy())
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} under the write lock and makes what it saved durable before returning its result. If {@code work} throws
     * or the disk write fails, the store is put back as it was and the exception goes to the caller.
     */
    <T> T write(Function<Writer, T> work) {
        lock.writeLock().lock();
        try {
            Writer writer = new Writer();
            try {
                T result = work.apply(writer);
                files.save(writer.saved);
                writer.saved.forEach(resource -> log.debug("Stored {}", resource.getIdElement().getValue()));
                return result;
            } catch (IOException e) {
                writer.rollBack();
                log.error("FHIR-EMB-STORE-IO: could not write {} resources to {}", writer.saved.size(), files.root(), e);
                throw new InternalErrorException("FHIR-EMB-STORE-IO: the embedded FHIR store could not write to disk", e);
            } catch (RuntimeException e) {
                writer.rollBack();
                throw e;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Optional<Entry> entry(String type, String id) {
        if (id == null || !ID.matcher(id).matches())
            return Optional.empty();
        return Optional.ofNullable(current.getOrDefault(type, Map.of()).get(id));
    }

    private Optional<Resource> resolve(String type, String id) {
        return entry(type, id).map(Entry::resource);
    }

    private Date nextStamp() {
        // strictly increasing, so `_lastUpdated=gt<last seen>` never misses nor repeats a write made in the same millisecond
        lastStamp = Math.max(System.currentTimeMillis(), lastStamp + 1);
        return new Date(lastStamp);
    }

    private static void completeMeta(Resource resource) {
        if (!VERSION.matcher(String.valueOf(resource.getMeta().getVersionId())).matches())
            resource.getMeta().setVersionId("1");
        if (resource.getMeta().getLastUpdated() == null)
            resource.getMeta().setLastUpdated(new Date(0));
        resource.setId(new IdType(resource.fhirType(), resource.getIdElement().getIdPart(), resource.getMeta().getVersionId()));
    }

    /** The stored version a write produced, and whether it created the resource (false: updated, or matched by a condition). */
    record WriteOutcome(Resource resource, boolean created) {}

    private record Entry(Resource resource, long sequence) {}

    /** The write side of {@link #write}: only usable inside the work function, on the thread holding the lock. */
    final class Writer {
        private final List<Resource> saved = new ArrayList<>();
        private final List<Runnable> undo = new ArrayList<>();

        private Writer() {}

        String newId() {
            return UUID.randomUUID().toString();
        }

        Optional<Resource> read(String type, String id) {
            return ResourceStore.this.read(type, id);
        }

        Optional<Resource> read(String type, String id, String version) {
            return ResourceStore.this.read(type, id, version);
        }

        List<Resource> search(ResourceQuery query) {
            return ResourceStore.this.search(query);
        }

        /**
         * Creates {@code resource} under a new id unless {@code ifNoneExist} is given and matches: one match is returned
         * unchanged (created = false), several fail with 412.
         */
        WriteOutcome create(Resource resource, ResourceQuery ifNoneExist) {
            Optional<Resource> existing = findSingle(ifNoneExist);
            return existing.map(match -> new WriteOutcome(match, false)).orElseGet(() -> save(resource, newId()));
        }

        /** The one resource {@code condition} matches, none (also when there is no condition), or 412 when several match. */
        Optional<Resource> findSingle(ResourceQuery condition) {
            if (condition == null)
                return Optional.empty();
            List<Resource> matches = search(condition);
            if (matches.size() > 1)
                throw new PreconditionFailedException("FHIR-EMB-CONDITION-AMBIGUOUS: the condition matches " + matches.size() + " "
                        + condition.resourceType() + " resources; a conditional create needs at most one");
            return matches.stream().findFirst();
        }

        /** Stores {@code resource} as the next version of {@code id} (version 1 if the id is new); sets id and meta. */
        WriteOutcome save(Resource resource, String id) {
            String type = resource.fhirType();
            Map<String, Entry> ofType = current.get(type);
            if (ofType == null)
                throw new UnprocessableEntityException("FHIR-EMB-UNSUPPORTED-TYPE: the embedded server does not store " + type);
            if (!ID.matcher(id).matches())
                throw new InvalidRequestException("FHIR-EMB-BAD-ID: '" + id + "' is not a FHIR id (1 to 64 of A-Z a-z 0-9 - .)");
            Entry previous = ofType.get(id);
            String version = previous == null ? "1" : Long.toString(Long.parseLong(previous.resource().getMeta().getVersionId()) + 1);
            Resource stored = resource.copy();
            stored.setId(new IdType(type, id, version));
            stored.getMeta().setVersionId(version).setLastUpdated(nextStamp());
            ofType.put(id, new Entry(stored, ++lastSequence));
            undo.add(() -> {
                if (previous == null)
                    ofType.remove(id);
                else
                    ofType.put(id, previous);
            });
            saved.add(stored);
            return new WriteOutcome(stored.copy(), previous == null);
        }

        private void rollBack() {
            for (int i = undo.size() - 1; i >= 0; i--)
                undo.get(i).run();
        }
    }
}
