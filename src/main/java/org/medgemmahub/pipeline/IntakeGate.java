package org.medgemmahub.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.medgemmahub.pipeline.broker.QueueDepths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Back-pressure at the door: every inbound channel asks before taking a message, and is refused while free disk
 * under the data directory is below its reserve or the requests queue is deeper than its limit. Both readings are
 * cached for a second, so a burst costs one file-system call per second. The queue depth is read from the embedded
 * broker or an external broker's management address; when it cannot be read only the disk reserve applies.
 */
@Component("intakeGate")
public class IntakeGate {
    private static final Logger log = LoggerFactory.getLogger(IntakeGate.class);
    private static final long CACHE_NANOS = 1_000_000_000L;

    private final IntakeProperties properties;
    private final LongSupplier freeDisk;
    private final LongSupplier queueDepth;
    private volatile long checkedAt = System.nanoTime() - 2 * CACHE_NANOS;
    private volatile String refusal;

    @Autowired
    public IntakeGate(IntakeProperties properties, QueueProperties queues, @Value("${hub.data-dir}") String dataDir,
                      QueueDepths depths) {
        this(properties, () -> usableSpace(Path.of(dataDir)), () -> depths.depth(queues.requests()));
    }

    IntakeGate(IntakeProperties properties, LongSupplier freeDisk, LongSupplier queueDepth) {
        this.properties = properties;
        this.freeDisk = freeDisk;
        this.queueDepth = queueDepth;
    }

    /** Returns when new input may be taken; else throws {@link IntakePausedException}. */
    public void requireCapacity() {
        long now = System.nanoTime();
        if (now - checkedAt > CACHE_NANOS) {
            String previous = refusal;
            refusal = check();
            checkedAt = now;
            if (refusal != null && previous == null) log.warn("{}: new input refused until it recovers", refusal);
            if (refusal == null && previous != null) log.info("intake resumed: {} no longer holds", previous);
        }
        String current = refusal;
        if (current != null) throw new IntakePausedException(current);
    }

    private String check() {
        long free = freeDisk.getAsLong();
        if (free >= 0 && free < properties.minFreeDisk().toBytes()) {
            return "free disk under the data directory is " + free / (1024 * 1024) + " MB, below the reserve of "
                    + properties.minFreeDisk().toMegabytes() + " MB";
        }
        long depth = queueDepth.getAsLong();
        if (depth > properties.maxQueueDepth()) {
            return "the requests queue holds " + depth + " messages, over the limit of " + properties.maxQueueDepth();
        }
        return null;
    }

    private static long usableSpace(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
