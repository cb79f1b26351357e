package org.medgemmahub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IntakeGateTest {
    private final IntakeProperties limits = new IntakeProperties(DataSize.ofGigabytes(2), 1000);

    @Test
    void takesInputWhileDiskAndQueueAreWithinTheirLimits() {
        IntakeGate gate = new IntakeGate(limits, () -> DataSize.ofGigabytes(50).toBytes(), () -> 999);

        assertThatNoException().isThrownBy(gate::requireCapacity);
    }

    @Test
    void refusesInputWhenFreeDiskFallsBelowTheReserve() {
        IntakeGate gate = new IntakeGate(limits, () -> DataSize.ofMegabytes(1500).toBytes(), () -> 0);

        assertThatThrownBy(gate::requireCapacity).isInstanceOf(IntakePausedException.class)
                .hasMessageStartingWith("HUB-BUSY: free disk").hasMessageContaining("1500 MB").hasMessageEndingWith("resend later");
    }

    @Test
    void refusesInputWhenTheRequestsQueueIsTooDeep() {
        IntakeGate gate = new IntakeGate(limits, () -> -1, () -> 1001);

        assertThatThrownBy(gate::requireCapacity).isInstanceOf(IntakePausedException.class)
                .hasMessageContaining("holds 1001 messages");
    }

    @Test
    void readsTheLimitsAtMostOncePerSecond() {
        AtomicLong reads = new AtomicLong();
        IntakeGate gate = new IntakeGate(limits, () -> {
            reads.incrementAndGet();
            return DataSize.ofGigabytes(50).toBytes();
        }, () -> 0);

        for (int i = 0; i < 1000; i++) gate.requireCapacity();

        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void refusesAZeroQueueLimit() {
        assertThatThrownBy(() -> new IntakeProperties(DataSize.ofGigabytes(1), 0))
                .hasMessageContaining("hub.intake.max-queue-depth");
    }
}
