package org.medgemmahub.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.medgemmahub.support.MllpConnection;
import org.springframework.boot.convert.DurationStyle;

/** What the outage tests share: how long the outage lasts and how many messages arrive during it, and their sending. */
final class OutageSettings {
    private OutageSettings() {
    }

    /** {@code -Doutage.duration} (e.g. {@code 5m}); 20 s by default, short enough for CI. */
    static Duration duration() {
        return DurationStyle.detectAndParse(System.getProperty("outage.duration", "20s"));
    }

    /** {@code -Doutage.messages}: HL7 results sent while the outage lasts; 20 by default. */
    static int messages() {
        return Integer.getInteger("outage.messages", 20);
    }

    /** Sends each message over one MLLP connection; every one must be acknowledged AA, outage or not. */
    static List<CrashMessages.Message> sendAll(int hl7Port, List<CrashMessages.Message> messages) throws IOException {
        try (MllpConnection connection = new MllpConnection(hl7Port)) {
            for (CrashMessages.Message message : messages) {
                assertThat(MllpConnection.ackCode(connection.send(message.er7()))).as(message.controlId()).isEqualTo("AA");
            }
        }
        return messages;
    }
}
