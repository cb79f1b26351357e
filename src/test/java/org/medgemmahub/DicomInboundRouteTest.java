package org.medgemmahub;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.Dcmtk;
import org.medgemmahub.dicom.DicomHeaders;
import org.medgemmahub.dicom.DicomSamples;
import org.medgemmahub.dicom.PendingInstances;
import org.medgemmahub.dicom.net.DicomClient;
import org.medgemmahub.dicom.net.ProposedContexts;
import org.medgemmahub.dicom.net.InstanceSpool;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dicom-inbound route in the whole hub: storescu in, Part 10 file in the spool, message on hub.dicom.instances
 * (series grouping is stopped here, so the queue can be inspected), failure statuses for unusable instances.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DicomInboundRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final String QUEUE = "hub.dicom.instances";
    /** Left in the spool as if the hub had stopped between storing and queueing it. */
    static final String LEFT_PENDING = sopInstanceUidOf("sc-gray-8bit-no-window.dcm");

    static {
        assertThat(PendingInstances.leave(HUB.dataDir, "sc-gray-8bit-no-window.dcm", "BEFORE_STOP")).exists();
    }

    @DynamicPropertySource
    static void hubOnFreePorts(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired JmsTemplate jms;
    @Autowired CamelContext camel;
    @Autowired JdbcTemplate database;
    @TempDir Path files;

    @BeforeEach
    void dicomListeningWithSeriesGroupingStopped() throws Exception {
        camel.getRouteController().stopRoute("dicom-series");
        Listening.awaitPort(HUB.dicomPort);
    }

    @Test
    void queuesAnInstancePushedByStorescuRightAfterAnsweringSuccessAndKeepsItAsAValidPart10File() throws Exception {
        Dcmtk.require();
        Path file = Dcmtk.jpegBaseline(files, "pushed");
        String sopInstanceUid = Part10Input.read(file).sopInstanceUid();

        Dcmtk.Result store = Dcmtk.run("storescu", "-xy", "-aet", "MODALITY1", "-aec", "MEDGEMMA", "127.0.0.1",
                String.valueOf(HUB.dicomPort), file.toString());

        assertThat(store.exitCode()).as(store.output()).isZero();
        // success follows the spool (the pending marker); the queueing follows the answer
        await().atMost(10, SECONDS).untilAsserted(() -> assertThat(queuedFor(sopInstanceUid)).hasSize(1));
        List<Message> queued = queuedFor(sopInstanceUid);
        Message message = queued.get(0);
        assertThat(message.getStringProperty(DicomHeaders.CALLING_AE_TITLE)).isEqualTo("MODALITY1");
        assertThat(message.getStringProperty(DicomHeaders.TRANSFER_SYNTAX_UID)).isEqualTo("1.2.840.10008.1.2.4.50");
        assertThat(message.getStringProperty("HubSourceKind")).isEqualTo("DICOM");
        JsonNode instance = new ObjectMapper().readTree(((TextMessage) message).getText());
        assertThat(instance.path("sopInstanceUid").asText()).isEqualTo(sopInstanceUid);
        assertThat(message.getStringProperty(DicomHeaders.SERIES_INSTANCE_UID)).isEqualTo(instance.path("seriesInstanceUid").asText());
        Path spooled = Path.of(instance.path("spoolFile").asText());
        assertThat(spooled).isEqualTo(HUB.dataDir.resolve("dicom/spool/incoming/MODALITY1/" + sopInstanceUid + ".dcm"));
        String dump = Dcmtk.ok("dcmdump", "-Un", "+P", "0002,0010", "+P", "0008,0018", spooled.toString());
        assertThat(dump).contains("[1.2.840.10008.1.2.4.50]").contains("[" + sopInstanceUid + "]");
        await().atMost(10, SECONDS).untilAsserted(() -> assertThat(spooled.resolveSibling(sopInstanceUid + ".pending")).doesNotExist());
    }

    @Test
    void queuesAnInstanceSentAgainOnlyOnce() throws Exception {
        Dcmtk.require();
        Path file = Dcmtk.jpegBaseline(files, "twice");
        String sopInstanceUid = Part10Input.read(file).sopInstanceUid();
        String[] storescu = {"storescu", "-xy", "-aec", "MEDGEMMA", "127.0.0.1", String.valueOf(HUB.dicomPort), file.toString()};

        assertThat(Dcmtk.run(storescu).exitCode()).isZero();
        await().atMost(10, SECONDS).untilAsserted(() -> assertThat(spooledMarker("STORESCU", sopInstanceUid)).doesNotExist());
        assertThat(Dcmtk.run(storescu).exitCode()).isZero();
        await().atMost(10, SECONDS).untilAsserted(() -> assertThat(spooledMarker("STORESCU", sopInstanceUid)).doesNotExist());

        assertThat(queuedFor(sopInstanceUid)).hasSize(1);
    }

    @Test
    void queuesAtStartUpAnInstanceLeftPendingInTheSpool() {
        // recovery runs at start-up, before series grouping could be stopped: the instance is on the queue or,
        // already taken from it, in the series being collected
        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(queuedFor(LEFT_PENDING).size()
                + collectingSeriesWith(LEFT_PENDING)).isEqualTo(1));
        await().atMost(10, SECONDS).untilAsserted(() -> assertThat(spool().pending()).isEmpty());
    }

    @Test
    void answersCannotUnderstandToAnInstanceWhosePixelDataIsShorterThanDeclaredAndQueuesNothing() throws Exception {
        Path sample = DicomSamples.named("mr-t1-16bit.dcm");
        Path truncated = files.resolve("truncated.dcm");
        byte[] whole = Files.readAllBytes(sample);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 1000));
        Part10Input file = Part10Input.read(truncated);

        int status;
        try (DicomClient client = DicomClient.open("127.0.0.1", HUB.dicomPort, "TRUNCATOR", "MEDGEMMA",
                ProposedContexts.forFiles(List.of(file)), Duration.ofSeconds(30))) {
            status = client.store(file);
            client.release();
        }

        assertThat(status).isEqualTo(0xC000);
        assertThat(queuedFor(file.sopInstanceUid())).isEmpty();
        assertThat(HUB.dataDir.resolve("dicom/spool/incoming/TRUNCATOR/" + file.sopInstanceUid() + ".dcm")).doesNotExist();
    }

    private static Path spooledMarker(String callingAe, String sopInstanceUid) {
        return HUB.dataDir.resolve("dicom/spool/incoming/" + callingAe + "/" + sopInstanceUid + ".pending");
    }

    private List<Message> queuedFor(String sopInstanceUid) {
        List<Message> found = new ArrayList<>();
        jms.browse(QUEUE, (session, browser) -> {
            for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
                Message message = (Message) e.nextElement();
                if (sopInstanceUid.equals(message.getStringProperty(DicomHeaders.SOP_INSTANCE_UID))) found.add(message);
            }
            return null;
        });
        return found;
    }

    private int collectingSeriesWith(String sopInstanceUid) {
        Integer found = database.queryForObject("SELECT COUNT(*) FROM hub_series_instances WHERE sop_instance_uid = ?",
                Integer.class, sopInstanceUid);
        return found == null ? 0 : found;
    }

    private static String sopInstanceUidOf(String sample) {
        try {
            return Part10Input.read(DicomSamples.named(sample)).sopInstanceUid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InstanceSpool spool() {
        return new InstanceSpool(HUB.dataDir.resolve("dicom/spool"));
    }
}
