package org.medgemmahub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Reads the hub's {@code /actuator/prometheus} text as a Prometheus server would, one sample sum at a time. */
public final class HubMetricsScrape {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    public HubMetricsScrape(int httpPort) {
        this.endpoint = URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus");
    }

    /** The scrape as text. */
    public String text() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
        return response.body();
    }

    /** The sum of every sample of {@code metric} whose labels include {@code labels}; 0 when there is none. */
    public double sum(String metric, Map<String, String> labels) throws IOException, InterruptedException {
        return sum(text(), metric, labels);
    }

    /** The same, over a scrape already read. */
    public static double sum(String scrape, String metric, Map<String, String> labels) {
        double total = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(metric + "{") || line.startsWith(metric + " "))) continue;
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            boolean matches = labels.entrySet().stream()
                    .allMatch(label -> series.contains(label.getKey() + "=\"" + label.getValue() + "\""));
            if (!matches) continue;
            double value = Double.parseDouble(line.substring(space + 1));
            if (!Double.isNaN(value)) total += value;
        }
        return total;
    }
}
