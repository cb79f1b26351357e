package org.medgemmahub.fhir.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/**
 * How far a poll has read, kept in a file so a restart neither skips nor repeats reports: the greatest {@code meta.lastUpdated}
 * seen, and the ids of the reports seen at exactly that instant. Searches ask for {@code _lastUpdated=ge<watermark>} in
 * ascending order and drop those ids, so reports sharing the watermark instant (one server transaction, a page boundary) are
 * read once. The file is replaced atomically, and only after the page's requests are queued; should the hub stop between the
 * two, the repeated requests have the same ids and the broker drops them.
 */
final class PollWatermark {
    private final Path file;

    PollWatermark(Path file) {
        this.file = file;
    }

    /** The search for the next page, relative to the server base. */
    String searchUrl(int pageSize) {
        List<String> lines = read();
        String since = lines.isEmpty() ? "" : "_lastUpdated=ge" + lines.get(0) + "&";
        return "DiagnosticReport?" + since + "_sort=_lastUpdated&_count=" + pageSize;
    }

    /** The page without the reports already read at the watermark instant. */
    Bundle unseen(Bundle page) {
        List<String> lines = read();
        if (lines.isEmpty()) return page;
        InstantType watermark = new InstantType(lines.get(0));
        Set<String> seen = Set.copyOf(lines.subList(1, lines.size()));
        Bundle unseen = new Bundle().setType(page.getType());
        for (Bundle.BundleEntryComponent entry : page.getEntry()) {
            Resource resource = entry.getResource();
            boolean atWatermark = resource != null && resource.getMeta().hasLastUpdated()
                    && resource.getMeta().getLastUpdated().equals(watermark.getValue());
            if (!(atWatermark && seen.contains(resource.getIdElement().getIdPart()))) unseen.addEntry(entry);
        }
        return unseen;
    }

    /** Moves the watermark to the newest report of the page (a page without reports leaves it). */
    void advance(Bundle page) {
        List<String> lines = read();
        InstantType newest = lines.isEmpty() ? null : new InstantType(lines.get(0));
        Set<String> idsAtNewest = new LinkedHashSet<>(lines.isEmpty() ? List.of() : lines.subList(1, lines.size()));
        for (Bundle.BundleEntryComponent entry : page.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null || !resource.getMeta().hasLastUpdated()) continue;
            InstantType updated = resource.getMeta().getLastUpdatedElement();
            if (newest == null || updated.getValue().after(newest.getValue())) {
                newest = updated;
                idsAtNewest.clear();
            }
            if (updated.getValue().equals(newest.getValue())) idsAtNewest.add(resource.getIdElement().getIdPart());
        }
        if (newest == null) return;
        List<String> next = new ArrayList<>();
        next.add(newest.getValueAsString());
        next.addAll(idsAtNewest);
        if (!next.equals(lines)) write(next);
    }

    private List<String> read() {
        try {
            if (!Files.exists(file)) return List.of();
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("FHIR-POLL-WATERMARK: cannot read " + file, e);
        }
    }

    private void write(List<String> lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("FHIR-POLL-WATERMARK: cannot write " + file, e);
        }
    }
}
