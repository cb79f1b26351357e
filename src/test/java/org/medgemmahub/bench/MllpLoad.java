package org.medgemmahub.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.medgemmahub.support.MllpConnection;

/**
 * An EHR-like MLLP sender for benchmarks: each connection sends one message, waits for its ACK, sends the next.
 * Every message has its own MSH-10 and patient, so none is a duplicate. Counts only AA answers as acknowledged.
 */
final class MllpLoad {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Figures of one run: throughput of AA answers and latency percentiles in milliseconds. */
    record Figures(int acknowledged, int other, double perSecond, double p50Millis, double p99Millis) {
    }

    private MllpLoad() {
    }

    /** Closed loop: {@code connections} senders, {@code total} messages in all, as fast as the server answers. */
    static Figures saturate(int port, int connections, int total) throws Exception {
        return run(port, connections, total, 0);
    }

    /** Open loop: messages at a fixed {@code rate} per second spread over the connections. */
    static Figures paced(int port, int connections, int total, double rate) throws Exception {
        return run(port, connections, total, rate);
    }

    private static Figures run(int port, int connections, int total, double rate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long[] latencies = new long[total];
        AtomicLong next = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        long intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        long started = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            senders.add(pool.submit(() -> {
                try (MllpConnection connection = new MllpConnection(port)) {
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        if (intervalNanos > 0) waitUntil(started + i * intervalNanos);
                        long sent = System.nanoTime();
                        String ack = connection.send(message());
                        latencies[(int) i] = System.nanoTime() - sent;
                        if ("AA".equals(MllpConnection.ackCode(ack))) acknowledged.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> sender : senders) sender.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int ok = (int) acknowledged.get();
        return new Figures(ok, total - ok, ok / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sortedNanos, double p) {
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static void waitUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }

    /** A v2.5.1 ORU^R01 with a unique control id and patient, shaped like a short radiology result. */
    static String message() {
        long n = SEQUENCE.incrementAndGet();
        String id = "B" + ProcessHandle.current().pid() + "-" + n;
        return "MSH|^~\\&|RIS|RADIOLOGY|HUB|HOSP|20261203101500||ORU^R01^ORU_R01|" + id + "|P|2.5.1\r"
                + "PID|1||MRN" + n + "^^^HOSP&1.2.840.99999.1.1&ISO^MR\r"
                + "OBR|1|PL" + n + "|ACC" + n + "|36643-5^XR Chest 2 views^LN\r"
                + "OBX|1|TX|18782-3^Findings^LN||Right lower lobe consolidation.\\.br\\Small right effusion.||||||F\r";
    }
}
