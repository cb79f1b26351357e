package org.medgemmahub.api;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medgemmahub.HubCommand;
import org.medgemmahub.pipeline.PipelineJson;

/**
 * The dead-letter admin API from a shell: lists, replays and discards through a running hub's
 * {@code /api/admin/dead-letters}, with the admin key from {@code HUB_API_ADMIN_KEY} (never an argument, so it stays
 * out of shell history and process lists). Prints the hub's JSON answer; exit 0 on 2xx, 1 otherwise.
 */
public class DeadLettersCommand implements HubCommand {
    static final String KEY_VARIABLE = "HUB_API_ADMIN_KEY";
    private static final String USAGE = "dead-letters [-url http://localhost:8080] list [QUEUE] | replay QUEUE [MESSAGE-ID]"
            + " | discard QUEUE MESSAGE-ID REASON  (admin key from " + KEY_VARIABLE + ")";

    private final Function<String, String> environment;
    private final PrintStream out;

    public DeadLettersCommand() {
        this(System::getenv, System.out);
    }

    /** With another environment and output, e.g. a test's admin key and a captured stream. */
    public DeadLettersCommand(Function<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(String... args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        String base = "http://localhost:8080";
        if (rest.size() >= 2 && rest.get(0).equals("-url")) {
            base = rest.get(1).replaceAll("/+$", "");
            rest = rest.subList(2, rest.size());
        }
        String key = environment.apply(KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            out.println("set " + KEY_VARIABLE + " to the hub's admin key");
            return 2;
        }
        HttpRequest request = request(base + "/api/admin/dead-letters", rest);
        if (request == null) {
            out.println("usage: " + USAGE);
            return 2;
        }
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(request, (name, value) -> true).header("X-API-Key", key).build(),
                        HttpResponse.BodyHandlers.ofString());
        out.println(response.body());
        return response.statusCode() / 100 == 2 ? 0 : 1;
    }

    /** The API call the arguments ask for, or null when they do not fit the usage. */
    private static HttpRequest request(String root, List<String> args) {
        if (args.isEmpty()) return null;
        String action = args.get(0);
        List<String> names = args.subList(1, args.size());
        return switch (action) {
            case "list" -> names.size() > 1 ? null
                    : HttpRequest.newBuilder(URI.create(root + (names.isEmpty() ? "" : "/" + path(names.get(0))))).GET().build();
            case "replay" -> names.isEmpty() || names.size() > 2 ? null
                    : post(root + "/" + path(names.get(0)) + (names.size() == 2 ? "/" + path(names.get(1)) : "") + "/replay", "");
            case "discard" -> names.size() != 3 ? null
                    : post(root + "/" + path(names.get(0)) + "/" + path(names.get(1)) + "/discard",
                            PipelineJson.write(Map.of("reason", names.get(2))));
            default -> null;
        };
    }

    private static HttpRequest post(String uri, String json) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
