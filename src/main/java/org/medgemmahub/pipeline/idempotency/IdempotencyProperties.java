package org.medgemmahub.pipeline.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Idempotency claims in the hub's database (hub.idempotency.*); defaults live in application.yaml.
 *
 * @param enabled    record processed request and result ids, so a redelivered, re-sent or replayed message is
 *                   called on the model and written to FHIR at most once, across every hub sharing the database
 * @param lease      how long a claim taken by a hub that then dies blocks the others; longer than the longest model
 *                   call (timeout, scale-up wait and one repair call)
 * @param recheck    a message whose id another hub holds is scheduled again after this long (or when the lease ends,
 *                   if sooner), to be dropped once that hub is done or taken over once it gave up
 * @param instanceId this hub's name in the claims; stable across restarts, so a restarted hub takes over its own
 *                   unfinished claims at once (empty: host name and data directory)
 * @param retention  how long completed ids are kept; a message re-sent later than this is processed again
 */
@ConfigurationProperties("hub.idempotency")
public record IdempotencyProperties(boolean enabled, Duration lease, Duration recheck, String instanceId, Duration retention) {
    public IdempotencyProperties {
        if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("hub.idempotency.lease must be at least 1s");
        }
        if (recheck == null || recheck.isNegative() || recheck.isZero() || recheck.compareTo(lease) > 0) {
            throw new IllegalArgumentException("hub.idempotency.recheck must be positive and at most hub.idempotency.lease");
        }
        if (retention == null || retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("hub.idempotency.retention must be at least 1h");
        }
        instanceId = instanceId == null ? "" : instanceId.strip();
        if (instanceId.length() > 200) throw new IllegalArgumentException("hub.idempotency.instance-id must be at most 200 characters");
    }
}
