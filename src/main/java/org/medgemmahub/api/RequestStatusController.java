package org.medgemmahub.api;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/requests/{id}}: the status resource an intake's 202 points to. 200 with the state when the request is
 * known, 404 with state {@code unknown} otherwise, 400 for an id that cannot be a request id.
 */
@RestController
@RequestMapping("/api/requests")
class RequestStatusController {
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final RequestStatusFinder finder;

    RequestStatusController(RequestStatusFinder finder) {
        this.finder = finder;
    }

    @GetMapping("/{id}")
    ResponseEntity<RequestStatus> status(@PathVariable String id) {
        if (!REQUEST_ID.matcher(id).matches())
            return ResponseEntity.badRequest().body(RequestStatus.of("(invalid)", RequestStatus.State.UNKNOWN));
        RequestStatus status = finder.find(id);
        return ResponseEntity.status(status.state() == RequestStatus.State.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.OK).body(status);
    }
}
