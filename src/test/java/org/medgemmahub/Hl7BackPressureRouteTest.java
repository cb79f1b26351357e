package org.medgemmahub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.Hl7Messages;
import org.medgemmahub.support.HubTestSettings;
import org.medgemmahub.support.Listening;
import org.medgemmahub.support.MllpConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the model route off and a queue limit of 3, the hub refuses HL7 input once the queue is full: AE, resend later. */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class Hl7BackPressureRouteTest {
    static final HubTestSettings HUB = new HubTestSettings();

    @DynamicPropertySource
    static void hubWithASmallQueueLimit(DynamicPropertyRegistry registry) {
        HUB.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("medgemma.enabled", () -> "false");
        registry.add("hub.intake.max-queue-depth", () -> "3");
    }

    @Autowired EmbeddedActiveMQ broker;

    @Test
    void answersAeWithResendLaterOnceTheQueueIsFullAndKeepsNothingOfTheRefusedMessage() throws Exception {
        Listening.awaitPort(HUB.hl7Port);
        List<String> answers = new ArrayList<>();
        try (MllpConnection hl7 = new MllpConnection(HUB.hl7Port)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
                answers.add(hl7.send(Hl7Messages.uniqueOru().er7));
                return MllpConnection.ackCode(answers.get(answers.size() - 1)).equals("AE");
            });
        }

        String refusal = answers.get(answers.size() - 1);
        assertThat(answers.subList(0, answers.size() - 1)).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(ack -> assertThat(MllpConnection.ackCode(ack)).isEqualTo("AA"));
        assertThat(refusal).contains("ERR|||207^").contains("HUB-BUSY").contains("resend later");
        assertThat(queueDepth("hub.inference.requests")).isEqualTo(answers.size() - 1);
        assertThat(queueDepth("hub.hl7.rejected")).isZero();
    }

    private long queueDepth(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessageCount();
    }
}
