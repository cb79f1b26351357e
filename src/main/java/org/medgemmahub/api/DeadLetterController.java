package org.medgemmahub.api;

import java.util.List;
import java.util.Map;
import org.medgemmahub.pipeline.DeadLetter;
import org.medgemmahub.pipeline.DeadLetters;
import org.springframework.http.ResponseEntity;
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
        return deadLetters.list(queue);
    }

    @PostMapping("/{queue}/replay")
    Map<String, Object> replayAll(@PathVariable String queue) {
        return Map.of("queue", queue, "replayed", deadLetters.replayAll(queue));
    }

    @PostMapping("/{queue}/{messageId}/replay")
    ResponseEntity<?> replay(@PathVariable String queue, @PathVariable String messageId) {
        return deadLetters.replay(queue, messageId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(queue, messageId));
    }

    @PostMapping("/{queue}/{messageId}/discard")
    ResponseEntity<?> discard(@PathVariable String queue, @PathVariable String messageId, @RequestBody DiscardRequest request) {
        return deadLetters.discard(queue, messageId, request == null ? null : request.reason())
                .<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(queue, messageId));
    }

    record DiscardRequest(String reason) {
    }

    private static ResponseEntity<?> notFound(String queue, String messageId) {
        return ResponseEntity.status(404).body(Map.of("success", false, "code", "DEAD-LETTER-NOT-FOUND",
                "error", "no message " + messageId + " on " + queue));
    }
}
