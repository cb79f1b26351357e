package org.medgemmahub.fhir.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.InstantType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollWatermarkTest {
    @TempDir Path dir;

    private static DiagnosticReport report(String id, String lastUpdated) {
        DiagnosticReport report = new DiagnosticReport();
        report.setId(id);
        report.getMeta().setLastUpdatedElement(new InstantType(lastUpdated));
        return report;
    }

    private static Bundle page(DiagnosticReport... reports) {
        Bundle page = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (DiagnosticReport report : reports) page.addEntry().setResource(report);
        return page;
    }

    @Test
    void searchesEverythingOldestFirstBeforeTheFirstPage() {
        assertThat(new PollWatermark(dir.resolve("w")).searchUrl(50)).isEqualTo("DiagnosticReport?_sort=_lastUpdated&_count=50");
    }

    @Test
    void goesOnFromTheNewestReportAfterARestart() {
        Path file = dir.resolve("poll/watermark");
        new PollWatermark(file).advance(page(report("a", "2026-12-03T10:00:00.100Z"), report("b", "2026-12-03T10:00:00.200Z")));

        PollWatermark restarted = new PollWatermark(file);

        assertThat(restarted.searchUrl(10)).isEqualTo("DiagnosticReport?_lastUpdated=ge2026-12-03T10:00:00.200Z&_sort=_lastUpdated&_count=10");
        Bundle next = restarted.unseen(page(report("b", "2026-12-03T10:00:00.200Z"), report("c", "2026-12-03T10:00:00.300Z")));
        assertThat(next.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly("c");
    }

    @Test
    void readsReportsSharingTheWatermarkInstantOnceEachAcrossPages() {
        PollWatermark watermark = new PollWatermark(dir.resolve("w"));
        watermark.advance(page(report("a", "2026-12-03T10:00:00.100Z"), report("b", "2026-12-03T10:00:00.100Z")));

        Bundle next = watermark.unseen(page(report("a", "2026-12-03T10:00:00.100Z"), report("b", "2026-12-03T10:00:00.100Z"),
                report("c", "2026-12-03T10:00:00.100Z")));

        assertThat(next.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly("c");
        watermark.advance(next);
        assertThat(watermark.unseen(page(report("a", "2026-12-03T10:00:00.100Z"), report("c", "2026-12-03T10:00:00.100Z"))).getEntry()).isEmpty();
    }

    @Test
    void leavesTheWatermarkWhereItWasForAnEmptyPageAndWritesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("w");
        PollWatermark watermark = new PollWatermark(file);
        watermark.advance(page(report("a", "2026-12-03T10:00:00.100Z")));
        String before = Files.readString(file);

        watermark.advance(page());

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(Files.exists(dir.resolve("w.tmp"))).isFalse();
    }
}
