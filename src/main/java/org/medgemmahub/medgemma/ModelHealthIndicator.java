package org.medgemmahub.medgemma;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Model reachability in {@code /actuator/health} as component {@code medgemma}: {@code UP} when reachable, else the
 * custom status {@code COLD} or {@code UNREACHABLE}, which the default aggregation ranks below UP, so a sleeping
 * model never makes the hub unready (requests wait on the queue). Probed at most every 15 s.
 */
@Component("medgemmaHealthIndicator")
public class ModelHealthIndicator implements HealthIndicator {
    static final Duration CACHE = Duration.ofSeconds(15);

    private final ModelStatusCheck statusCheck;
    private final ModelCallGuard guard;
    private final Clock clock;
    private volatile Health last;
    private volatile Instant probedAt = Instant.MIN;

    @Autowired
    public ModelHealthIndicator(ModelStatusCheck statusCheck, ModelCallGuard guard) {
        this(statusCheck, guard, Clock.systemUTC());
    }

    ModelHealthIndicator(ModelStatusCheck statusCheck, ModelCallGuard guard, Clock clock) {
        this.statusCheck = statusCheck;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        if (last == null || probedAt.plus(CACHE).isBefore(now)) {
            ModelStatus status = statusCheck.check();
            Health.Builder builder = status.available() ? Health.up() : Health.status(new Status(status.state().toUpperCase()));
            builder.withDetail("backend", guard.backendName()).withDetail("endpoint", status.endpoint())
                    .withDetail("model", status.modelId()).withDetail("circuit", guard.circuitState());
            if (status.detail() != null) builder.withDetail("detail", status.detail());
            last = builder.build();
            probedAt = now;
        }
        return last;
    }
}
