package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What happened to generation calls: received, succeeded, failed by status, and the most handled at once. */
final class SimulatorCounters {
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final Map<Integer, AtomicLong> failedByStatus = new ConcurrentSkipListMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    void begin() {
        received.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void end(int status) {
        inFlight.decrementAndGet();
        if (status < 400)
            succeeded.incrementAndGet();
        else
            failedByStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    /** Calls still in flight stay counted as in flight, so the gauge never goes negative. */
    void clear() {
        received.set(0);
        succeeded.set(0);
        failedByStatus.clear();
        maxInFlight.set(inFlight.get());
    }

    ObjectNode toJson() {
        ObjectNode json = SimulatorJson.object()
                .put("received", received.get())
                .put("succeeded", succeeded.get());
        ObjectNode failed = json.putObject("failed");
        failedByStatus.forEach((status, count) -> failed.put(String.valueOf(status), count.get()));
        return json.put("inFlight", inFlight.get())
                .put("maxInFlight", maxInFlight.get());
    }
}
