package org.medgemmahub.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many instances the hubs grouped into each series, from their logs ({@code DicomRequestMapper} logs each stable
 * series with its size). An Observation per series does not show a member lost inside the hub: the series is still
 * made from the rest. This does; a series the PACS finished after a restart is grouped in two parts, so a series may
 * count more members than it has, never fewer.
 */
final class SeriesGrouping {
    private static final Pattern STABLE = Pattern.compile("DICOM series ([0-9.]+) stable with (\\d+) instance");

    private SeriesGrouping() {
    }

    /** Series of {@code expected} (UID to size) that the hubs whose logs are in {@code dataDir} grouped short. */
    static List<String> shortSeries(Path dataDir, Map<String, Integer> expected) throws IOException {
        Map<String, Integer> grouped = new HashMap<>();
        try (Stream<Path> logs = Files.list(dataDir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().matches("hub-\\d+\\.log")).toList()) {
                Matcher m = STABLE.matcher(new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1));
                while (m.find()) grouped.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
            }
        }
        List<String> groupedShort = new ArrayList<>();
        expected.forEach((series, size) -> {
            int members = grouped.getOrDefault(series, 0);
            if (members < size) groupedShort.add(series + ": " + members + " of " + size + " instances grouped");
        });
        return groupedShort;
    }
}
