package org.medgemmahub;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medgemmahub.dicom.Dcmtk;
import org.medgemmahub.dicom.DicomHeaders;
import org.medgemmahub.dicom.net.InstanceSpool;
import org.medgemmahub.dicom.net.Part10Input;
import org.medgemmahub.dicom.net.ReceivedInstance;
import org.medgemmahub.dicom.net.SpoolWriter;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dicom-inbound route in the whole hub: storescu in, Part 10 file in the spool, message on hub.dicom.instances. */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DicomInboundRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();
    static final String QUEUE = "hub.dicom.instances";
    /** Left in the spool as if the hub had stopped between storing and queueing it. */
    static final String LEFT_PENDING = "1.2.826.0.1.3680043.10.999.1";

    static {
        leaveAPendingInstanceInTheSpool();
    }

    @DynamicPropertySource
    static void hubOnFreePorts(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired JmsTemplate jms;
    @TempDir Path files;

    @BeforeEach
    void dicomListening() {
        Listening.awaitPort(HUB.dicomPort);
    }

    @Test
    void queuesAnInstancePushedByStorescuBeforeAnsweringSuccessAndKeepsItAsAValidPart10File() throws Exception {
        Dcmtk.require();
        Path file = Dcmtk.jpegBaseline(files, "pushed");
        String sopInstanceUid = Part10Input.read(file).sopInstanceUid();

        Dcmtk.Result store = Dcmtk.run("storescu", "-xy", "-aet", "MODALITY1", "-aec", "MEDGEMMA", "127.0.0.1",
                String.valueOf(HUB.dicomPort), file.toString());

        assertThat(store.exitCode()).as(store.output()).isZero();
        // no waiting: the message must already be on the queue when storescu has its success status
        List<Message> queued = queuedFor(sopInstanceUid);
        assertThat(queued).hasSize(1);
        Message message = queued.get(0);
        assertThat(message.getStringProperty(DicomHeaders.CALLING_AE_TITLE)).isEqualTo("MODALITY1");
        assertThat(message.getStringProperty(DicomHeaders.TRANSFER_SYNTAX_UID)).isEqualTo("1.2.840.10008.1.2.4.50");
        assertThat(message.getStringProperty("HubSourceKind")).isEqualTo("DICOM");
        Path spooled = Path.of(((TextMessage) message).getText());
        assertThat(spooled).isEqualTo(HUB.dataDir.resolve("dicom/spool/incoming/MODALITY1/" + sopInstanceUid + ".dcm"));
        String dump = Dcmtk.ok("dcmdump", "-Un", "+P", "0002,0010", "+P", "0008,0018", spooled.toString());
        assertThat(dump).contains("[1.2.840.10008.1.2.4.50]").contains("[" + sopInstanceUid + "]");
        assertThat(spooled.resolveSibling(sopInstanceUid + ".pending")).doesNotExist();
    }

    @Test
    void queuesAnInstanceSentAgainOnlyOnce() throws Exception {
        Dcmtk.require();
        Path file = Dcmtk.jpegBaseline(files, "twice");
        String sopInstanceUid = Part10Input.read(file).sopInstanceUid();
        String[] storescu = {"storescu", "-xy", "-aec", "MEDGEMMA", "127.0.0.1", String.valueOf(HUB.dicomPort), file.toString()};

        assertThat(Dcmtk.run(storescu).exitCode()).isZero();
        assertThat(Dcmtk.run(storescu).exitCode()).isZero();

        assertThat(queuedFor(sopInstanceUid)).hasSize(1);
    }

    @Test
    void queuesAtStartUpAnInstanceLeftPendingInTheSpool() {
        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(queuedFor(LEFT_PENDING)).hasSize(1));

        Message recovered = queuedFor(LEFT_PENDING).get(0);
        assertThat(booleanProperty(recovered, DicomHeaders.RECOVERED)).isTrue();
        await().atMost(10, SECONDS).untilAsserted(() -> assertThat(spool().pending()).isEmpty());
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

    private static boolean booleanProperty(Message message, String name) {
        try {
            return message.getBooleanProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InstanceSpool spool() {
        return new InstanceSpool(HUB.dataDir.resolve("dicom/spool"));
    }

    private static void leaveAPendingInstanceInTheSpool() {
        ReceivedInstance announced = new ReceivedInstance("1.2.840.10008.5.1.4.1.1.7", LEFT_PENDING, "1.2.840.10008.1.2.1", "BEFORE_STOP",
                "MEDGEMMA", "127.0.0.1:4242", null);
        try (SpoolWriter writer = spool().begin(announced)) {
            writer.write(new byte[] {8, 0, 0x16, 0, 0, 0, 0, 0});
            writer.commit();
            assertThat(Files.exists(HUB.dataDir.resolve("dicom/spool/incoming/BEFORE_STOP/" + LEFT_PENDING + ".pending"))).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
