package org.medgemmahub.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Hl7PropertiesTest {

    @Test
    void keepsTheConfiguredValues() {
        Hl7Properties properties = Hl7Fixtures.defaultProperties();

        assertThat(properties.port()).isEqualTo(2575);
        assertThat(properties.receivingApplication()).isEqualTo("MEDGEMMA_HUB");
        assertThat(properties.defaultTask()).isEqualTo("report-findings");
    }

    @Test
    void acceptsPortZeroForAnOsChosenPort() {
        assertThat(new Hl7Properties(0, "127.0.0.1", 10, "A", "B", "t").port()).isZero();
    }

    @Nested
    class Rejects {
        @Test
        void aPortAbove65535NamingTheKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Hl7Properties(70000, "0.0.0.0", 10, "A", "B", "t"))
                    .withMessageContaining("hub.hl7.port");
        }

        @Test
        void aNonPositiveMaximumSizeNamingTheKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Hl7Properties(2575, "0.0.0.0", 0, "A", "B", "t"))
                    .withMessageContaining("hub.hl7.max-message-bytes");
        }

        @Test
        void blankNamesNamingTheKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Hl7Properties(2575, "0.0.0.0", 10, " ", "B", "t"))
                    .withMessageContaining("hub.hl7.receiving-application");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Hl7Properties(2575, "0.0.0.0", 10, "A", null, "t"))
                    .withMessageContaining("hub.hl7.receiving-facility");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Hl7Properties(2575, "", 10, "A", "B", "t"))
                    .withMessageContaining("hub.hl7.bind-address");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Hl7Properties(2575, "0.0.0.0", 10, "A", "B", ""))
                    .withMessageContaining("hub.hl7.default-task");
        }
    }
}
