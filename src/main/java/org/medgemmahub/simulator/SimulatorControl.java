package org.medgemmahub.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The simulator's run-time state: current behaviour, the cold-start window, injected failures and counters. */
final class SimulatorControl {
    private final SimulatorBehaviour initial;
    private final SimulatorCounters counters = new SimulatorCounters();
    private SimulatorBehaviour behaviour;
    private long startedNanos;
    private long loadingUntilNanos;
    private RecordedRequest lastRequest;

    SimulatorControl(SimulatorBehaviour initial) {
        this.initial = initial;
        this.behaviour = initial;
    }

    /** Opens the cold-start window of the construction behaviour; called when the server starts listening. */
    synchronized void started() {
        startedNanos = System.nanoTime();
        loadingUntilNanos = startedNanos + initial.coldStart().toNanos();
    }

    /** Waits up to {@code limit} for the cold start to end; true when the model is warm. */
    boolean awaitWarm(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            while (loading()) {
                long waitMillis = Math.min(remainingColdStart().toMillis() + 1, (deadline - System.nanoTime()) / 1_000_000);
                if (waitMillis <= 0)
                    return false;
                try {
                    wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    synchronized void record(RecordedRequest request) {
        lastRequest = request;
    }

    /** The last generation request that got past authentication and JSON parsing, or null. */
    synchronized RecordedRequest lastRequest() {
        return lastRequest;
    }

    SimulatorCounters counters() {
        return counters;
    }

    synchronized SimulatorBehaviour behaviour() {
        return behaviour;
    }

    synchronized boolean loading() {
        return remainingColdStart().compareTo(Duration.ZERO) > 0;
    }

    /** Takes one injected failure, if any are left. */
    synchronized Optional<InjectedFailure> takeInjectedFailure() {
        InjectedFailure failure = behaviour.failNext();
        if (failure == null)
            return Optional.empty();
        behaviour = behaviour.withFailNext(failure.consumeOne());
        return Optional.of(failure);
    }

    /**
     * Applies a change atomically; when it throws, nothing changes.
     *
     * @param restartColdStart the change set the cold start, so its window counts from now
     */
    synchronized void change(UnaryOperator<SimulatorBehaviour> change, boolean restartColdStart) {
        SimulatorBehaviour next = change.apply(behaviour);
        behaviour = next;
        if (restartColdStart)
            loadingUntilNanos = System.nanoTime() + next.coldStart().toNanos();
        notifyAll();
    }

    /**
     * Back to the construction behaviour with cleared counters. The cold-start window is the one opened at start,
     * not a new one, so a reset between tests does not make a ready simulator load again.
     */
    synchronized void reset() {
        behaviour = initial;
        loadingUntilNanos = startedNanos + initial.coldStart().toNanos();
        lastRequest = null;
        counters.clear();
        notifyAll();
    }

    synchronized ObjectNode toJson() {
        ObjectNode json = SimulatorJson.object()
                .put("simulated", true)
                .put("loading", loading())
                .put("coldStartSeconds", behaviour.coldStart().toMillis() / 1000.0)
                .put("coldStartRemainingMillis", remainingColdStart().toMillis())
                .put("latencyMillis", behaviour.latency().toMillis());
        InjectedFailure failure = behaviour.failNext();
        if (failure == null) {
            json.putNull("failNext");
        } else {
            ObjectNode failNext = json.putObject("failNext")
                    .put("status", failure.status())
                    .put("count", failure.count());
            if (failure.retryAfterSeconds() == null)
                failNext.putNull("retryAfterSeconds");
            else
                failNext.put("retryAfterSeconds", failure.retryAfterSeconds());
        }
        json.put("markdownFences", behaviour.markdownFences())
                .put("truncateJson", behaviour.truncateJson())
                .put("chatRoute404", behaviour.chatRoute404())
                .put("healthy", behaviour.healthy())
                .put("maxImages", behaviour.maxImages())
                .put("vertexPredictionsAsList", behaviour.vertexPredictionsAsList())
                .put("paused", behaviour.paused())
                .put("strictModel", behaviour.strictModel());
        if (behaviour.lengthLimit() == null)
            json.putNull("lengthLimit");
        else
            json.put("lengthLimit", behaviour.lengthLimit());
        json
                .set("counters", counters.toJson());
        return json;
    }

    private Duration remainingColdStart() {
        long remaining = loadingUntilNanos - System.nanoTime();
        return remaining > 0 ? Duration.ofNanos(remaining) : Duration.ZERO;
    }
}
