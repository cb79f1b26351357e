package org.medgemmahub.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.data.Part10FileWriter;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.support.FreePorts;

/** The dicom component in a plain CamelContext: URI options, the exchange contract, statuses from the route's outcome. */
class DicomComponentTest {
    static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    static final String ELE = "1.2.840.10008.1.2.1";

    @TempDir Path spool;
    @TempDir Path files;
    final CamelContext camel = new DefaultCamelContext();
    final Map<String, Object> seen = new ConcurrentHashMap<>();
    final int port = FreePorts.next();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void takesOptionsFromTheUriOverTheComponentDefaults() throws Exception {
        DicomConfiguration defaults = new DicomConfiguration();
        defaults.setAeTitle("DEFAULT");
        defaults.setMaxAssociations(20);
        camel.addComponent("dicom", new DicomComponent(defaults));

        DicomEndpoint endpoint = camel.getEndpoint("dicom:127.0.0.1:11112?aeTitle=HUB&idleTimeout=5000&allowedCallingAeTitles=A,B",
                DicomEndpoint.class);

        assertThat(endpoint.getHostname()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isEqualTo(11112);
        assertThat(endpoint.getConfiguration().getAeTitle()).isEqualTo("HUB");
        assertThat(endpoint.getConfiguration().getIdleTimeout()).isEqualTo(5000);
        assertThat(endpoint.getConfiguration().allowedCallingAeTitleSet()).containsExactlyInAnyOrder("A", "B");
        assertThat(endpoint.getConfiguration().getMaxAssociations()).isEqualTo(20);
        assertThat(defaults.getAeTitle()).isEqualTo("DEFAULT");
    }

    @Test
    void refusesAnUnknownOption() {
        camel.addComponent("dicom", new DicomComponent());

        assertThatThrownBy(() -> camel.getEndpoint("dicom:127.0.0.1:11112?aeTitel=HUB")).isInstanceOf(ResolveEndpointFailedException.class);
    }

    @Test
    void hasNoProducer() throws Exception {
        camel.addComponent("dicom", new DicomComponent());

        assertThatThrownBy(() -> camel.getEndpoint("dicom:127.0.0.1:11112").createProducer())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givesTheRouteTheSpoolPathAsBodyAndTheCommandUidsAsHeadersAndAnswersSuccess() throws Exception {
        startRoute(exchange -> {
            seen.put("body", exchange.getMessage().getBody(String.class));
            seen.putAll(exchange.getMessage().getHeaders());
        });
        Part10Input input = Part10Input.read(part10File("1.2.3.4.100"));

        assertThat(store(input)).isEqualTo(0x0000);
        assertThat(seen.get("body")).isEqualTo(seen.get(DicomHeaders.SPOOL_FILE));
        assertThat(Path.of((String) seen.get("body"))).exists().startsWith(spool);
        assertThat(seen).containsEntry(DicomHeaders.SOP_INSTANCE_UID, "1.2.3.4.100").containsEntry(DicomHeaders.SOP_CLASS_UID, SC)
                .containsEntry(DicomHeaders.TRANSFER_SYNTAX_UID, ELE).containsEntry(DicomHeaders.CALLING_AE_TITLE, "MODALITY")
                .containsEntry(DicomHeaders.CALLED_AE_TITLE, "HUB").containsEntry(DicomHeaders.RECOVERED, false);
        assertThat((String) seen.get(DicomHeaders.REMOTE_ADDRESS)).startsWith("127.0.0.1:");
    }

    @Test
    void answersTheStatusOfADicomStatusExceptionAndDropsTheSpoolFile() throws Exception {
        startRoute(exchange -> {
            seen.put("file", exchange.getMessage().getHeader(DicomHeaders.SPOOL_FILE));
            throw new DicomStatusException(DicomStatus.DATASET_DOES_NOT_MATCH_SOP_CLASS, "DICOM-TEST: not what it claims");
        });

        assertThat(store(Part10Input.read(part10File("1.2.3.4.101")))).isEqualTo(0xA900);
        assertThat(Path.of((String) seen.get("file"))).doesNotExist();
    }

    @Test
    void answersOutOfResourcesWhenTheRouteFailsOtherwise() throws Exception {
        startRoute(exchange -> {
            throw new IllegalStateException("queue unavailable");
        });

        assertThat(store(Part10Input.read(part10File("1.2.3.4.102")))).isEqualTo(0xA700);
    }

    @Test
    void mapsFailuresToStatuses() {
        assertThat(DicomConsumer.statusFor(null)).isEqualTo(DicomStatus.SUCCESS);
        assertThat(DicomConsumer.statusFor(new RuntimeException(new DicomStatusException(DicomStatus.CANNOT_UNDERSTAND, "x"))))
                .isEqualTo(DicomStatus.CANNOT_UNDERSTAND);
        assertThat(DicomConsumer.statusFor(new java.io.IOException("disk"))).isEqualTo(DicomStatus.OUT_OF_RESOURCES);
    }

    private void startRoute(org.apache.camel.Processor step) throws Exception {
        camel.addComponent("dicom", new DicomComponent());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dicom:127.0.0.1:" + port + "?aeTitle=HUB&spoolDir=" + spool).process(step);
            }
        });
        camel.start();
    }

    private int store(Part10Input input) throws Exception {
        try (DicomClient client = DicomClient.open("127.0.0.1", port, "MODALITY", "HUB", ProposedContexts.forFiles(List.of(input)),
                Duration.ofSeconds(10))) {
            int status = client.store(input);
            client.release();
            return status;
        }
    }

    private Path part10File(String sopInstanceUid) throws Exception {
        Path file = files.resolve(sopInstanceUid + ".dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            Part10FileWriter.write(out, SC, sopInstanceUid, ELE, null, new java.io.ByteArrayInputStream(new byte[] {8, 0, 0x16, 0, 0, 0, 0, 0}));
        }
        return file;
    }
}
