package org.medgemmahub.api;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.medgemmahub.pipeline.DeadLetter;
import org.medgemmahub.pipeline.DeadLetters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin endpoints for dead letters (admin key required): list them per queue, replay one or all after a fix, or
 * discard one with a reason (kept on {@code <queue>.discarded}, logged as an audit line).
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {
    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The dead-letter queues with the queue each replays to. */
    @GetMapping
    Map<String, String> queues() {
        return deadLetters.queues();
    }

    @GetMapping("/{queue}")
    List<DeadLetter> list(@PathVariable String queue) {
        return checked(() -> deadLetters.list(queue));
    }

    @PostMapping("/{queue}/replay")
    Map<String, Object> replayAll(@PathVariable String queue) {
        return Map.of("queue", queue, "replayed", checked(() -> deadLetters.replayAll(queue)));
    }

    @PostMapping("/{queue}/{messageId}/replay")
    DeadLetter replay(@PathVariable String queue, @PathVariable String messageId) {
        return checked(() -> deadLetters.replay(queue, messageId)).orElseThrow(() -> notFound(queue, messageId));
    }

    @PostMapping("/{queue}/{messageId}/discard")
    DeadLetter discard(@PathVariable String queue, @PathVariable String messageId, @RequestBody(required = false) DiscardRequest request) {
        return checked(() -> deadLetters.discard(queue, messageId, request == null ? null : request.reason()))
                .orElseThrow(() -> notFound(queue, messageId));
    }

    record DiscardRequest(String reason) {
    }

    /** An unknown queue, a malformed message id or a discard without a reason is the caller's mistake: 400. */
    private static <T> T checked(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new ApiRequestException(400, "DEAD-LETTER-REQUEST", e.getMessage());
        }
    }

    private static ApiRequestException notFound(String queue, String messageId) {
        return new ApiRequestException(404, "DEAD-LETTER-NOT-FOUND", "no message " + messageId + " on " + queue);
    }
}
