package org.medgemmahub.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import org.awaitility.Awaitility;

/** Waits for the Observations a set of inputs must produce, and counts them per input (0 lost, more than 1 duplicated). */
final class ObservationCounts {
    private ObservationCounts() {
    }

    /**
     * Waits until each of {@code things} has at least one Observation, or until none has been found for
     * {@code stall} (a big burst on a slow machine takes long, a stuck hub makes no progress); then the count of each.
     */
    static <T> List<Integer> await(List<T> things, ToIntFunction<T> observations, Duration stall) {
        Map<Integer, Integer> counts = new ConcurrentHashMap<>();
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        Awaitility.await().atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            // in order, up to the first one still missing: the queues are roughly first in, first out, and a poll stays cheap
            for (int i = 0; i < things.size(); i++) {
                if (counts.getOrDefault(i, 0) > 0) continue;
                int found = observations.applyAsInt(things.get(i));
                counts.put(i, found);
                if (found == 0) return System.nanoTime() - lastProgress.get() > stall.toNanos();
                lastProgress.set(System.nanoTime());
            }
            return true;
        });
        List<Integer> settled = new ArrayList<>();
        for (T thing : things) settled.add(observations.applyAsInt(thing));
        return settled;
    }

    static long lost(List<Integer> counts) {
        return counts.stream().filter(n -> n == 0).count();
    }

    static long duplicated(List<Integer> counts) {
        return counts.stream().filter(n -> n > 1).count();
    }
}
