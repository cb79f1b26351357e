package org.medgemmahub.reliability;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/** Waits for the Observations a set of inputs must produce, and counts them per input (0 lost, more than 1 duplicated). */
final class ObservationCounts {
    private ObservationCounts() {
    }

    /** Waits (at most {@code atMost}) until each of {@code things} has at least one Observation; then the count of each. */
    static <T> List<Integer> await(List<T> things, ToIntFunction<T> observations, Duration atMost) {
        Map<Integer, Integer> counts = new ConcurrentHashMap<>();
        org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            for (int i = 0; i < things.size(); i++) {
                if (counts.getOrDefault(i, 0) > 0) continue;
                counts.put(i, observations.applyAsInt(things.get(i)));
            }
            return counts.size() == things.size() && counts.values().stream().allMatch(n -> n > 0);
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
