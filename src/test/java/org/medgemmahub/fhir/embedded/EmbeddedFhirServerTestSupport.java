package org.medgemmahub.fhir.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded server on a free port with a store of its own, shared by the server tests (one Spring context), and a HAPI
 * generic client. Tests create their data with fresh identifiers, so they do not depend on each other or on order.
 */
@SpringBootTest(classes = EmbeddedFhirTestApplication.class, webEnvironment = RANDOM_PORT, properties = "hub.fhir.embedded.enabled=true")
abstract class EmbeddedFhirServerTestSupport {
    private static final Path STORE = createStore();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("hub.fhir.embedded.store-dir", STORE::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    FhirContext fhirContext;
    IGenericClient client;

    @BeforeEach
    void connect() {
        client = fhirContext.newRestfulGenericClient(baseUrl());
    }

    String baseUrl() {
        return "http://localhost:" + port + "/fhir";
    }

    /** A search by URL with exactly these parameters ({@code name, value, name, value...}); values are URL-encoded here. */
    Bundle search(String type, String... namesAndValues) {
        StringBuilder url = new StringBuilder(type).append('?');
        for (int i = 0; i < namesAndValues.length; i += 2)
            url.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=').append(URLEncoder.encode(namesAndValues[i + 1], UTF_8));
        return client.search().byUrl(url.toString()).returnBundle(Bundle.class).execute();
    }

    /** A request the generic client would not send as is (invalid JSON, a body id differing from the URL's). */
    HttpResponse<String> send(String method, String path, String body, String... headerNamesAndValues) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/" + path))
                .header("Content-Type", "application/fhir+json")
                .method(method, BodyPublishers.ofString(body));
        for (int i = 0; i < headerNamesAndValues.length; i += 2)
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
    }

    /** The logical ids of a search's resources, in answer order. */
    static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
    }

    static String id(IIdType id) {
        return id.getIdPart();
    }

    static String id(Resource resource) {
        return resource.getIdElement().getIdPart();
    }

    static String diagnostics(BaseServerResponseException e) {
        return ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
    }

    private static Path createStore() {
        try {
            Path store = Files.createTempDirectory("embedded-fhir-test-");
            // the context outlives every test class that shares it, so the folder goes when the JVM does
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(store.toFile())));
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
