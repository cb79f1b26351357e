package org.medgemmahub.pipeline.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims on message ids in the table {@code hub_message_claims} (db/schema.sql; plain SQL for H2 and Postgres). A claim
 * is taken by inserting the primary key (stage, message id): of two hubs racing, the database lets one insert win.
 * A claim is completed when the work is done for good, or deleted when it failed; one whose holder died runs out
 * after the lease, and a holder restarted under the same instance id takes its own old claims over at once.
 * {@link #recordDone} records work as done without a claim (completion only).
 * Every statement commits on its own, so no JMS transaction waits on the database.
 */
public class ClaimStore {
    private static final int TAKE_OVER_TRIES = 5;

    private final JdbcTemplate jdbc;
    private final String instance;
    private final String boot = UUID.randomUUID().toString();
    private final Duration lease;
    private final Duration recheck;
    private final Clock clock;

    /** Claims of {@code instance}, running out after {@code lease}; one held elsewhere is retried after {@code recheck}. */
    public ClaimStore(DataSource dataSource, String instance, Duration lease, Duration recheck, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.instance = instance;
        this.lease = lease;
        this.recheck = recheck;
        this.clock = clock;
    }

    /** Claims the message id at the stage for this hub, unless it is done or another live hub holds it. */
    public Claim claim(ProcessingStage stage, String messageId) {
        if (messageId == null || messageId.isBlank()) throw new IllegalArgumentException("a claim needs a message id");
        for (int tries = 0; tries < TAKE_OVER_TRIES; tries++) {
            String token = UUID.randomUUID().toString();
            long now = clock.millis();
            try {
                jdbc.update("INSERT INTO hub_message_claims (stage, message_id, claim_token, owner_instance, owner_boot, "
                                + "claimed_at, lease_until, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                        stage.column(), messageId, token, instance, boot, now, now + lease.toMillis());
                return Claim.claimed(stage, messageId, token);
            } catch (DuplicateKeyException taken) {
                List<Holder> holders = jdbc.query("SELECT claim_token, owner_instance, owner_boot, lease_until, completed_at "
                                + "FROM hub_message_claims WHERE stage = ? AND message_id = ?",
                        (rs, row) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getObject(5) != null), stage.column(), messageId);
                if (holders.isEmpty()) continue; // released meanwhile: insert again
                Holder holder = holders.get(0);
                if (holder.completed()) return Claim.done(stage, messageId);
                boolean abandoned = holder.leaseUntil() < now || (instance.equals(holder.instance()) && !boot.equals(holder.boot()));
                if (!abandoned) return Claim.heldElsewhere(stage, messageId, Instant.ofEpochMilli(Math.min(holder.leaseUntil(), now + recheck.toMillis())));
                int takenOver = jdbc.update("UPDATE hub_message_claims SET claim_token = ?, owner_instance = ?, owner_boot = ?, "
                                + "claimed_at = ?, lease_until = ? WHERE stage = ? AND message_id = ? AND claim_token = ? "
                                + "AND completed_at IS NULL", token, instance, boot, now, now + lease.toMillis(),
                        stage.column(), messageId, holder.token());
                if (takenOver == 1) return Claim.claimed(stage, messageId, token);
            }
        }
        throw new IllegalStateException("claim on " + stage.column() + " " + messageId + " kept changing hands");
    }

    /** Marks the claimed work done for good; every later claim on the id answers {@link Claim.Outcome#ALREADY_DONE}. */
    public void complete(Claim claim) {
        if (!claim.claimed()) return;
        jdbc.update("UPDATE hub_message_claims SET completed_at = ? WHERE stage = ? AND message_id = ? AND claim_token = ?",
                clock.millis(), claim.stage().column(), claim.messageId(), claim.token());
    }

    /**
     * Records the id's work at the stage as done, whoever claimed it (or nobody did: a row is inserted). Used when the
     * proof comes from downstream, e.g. a result arriving on the results queue proves its model call committed.
     */
    public void recordDone(ProcessingStage stage, String messageId) {
        long now = clock.millis();
        int updated = jdbc.update("UPDATE hub_message_claims SET completed_at = ? WHERE stage = ? AND message_id = ? AND completed_at IS NULL",
                now, stage.column(), messageId);
        if (updated == 1) return;
        try {
            jdbc.update("INSERT INTO hub_message_claims (stage, message_id, claim_token, owner_instance, owner_boot, claimed_at, "
                    + "lease_until, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", stage.column(), messageId,
                    UUID.randomUUID().toString(), instance, boot, now, now, now);
        } catch (DuplicateKeyException alreadyThere) {
            // done already, or claimed a moment ago: then completed now
            jdbc.update("UPDATE hub_message_claims SET completed_at = ? WHERE stage = ? AND message_id = ? AND completed_at IS NULL",
                    now, stage.column(), messageId);
        }
    }

    /** Gives the claim up (the work failed or was rescheduled), so the next delivery can claim the id at once. */
    public void release(Claim claim) {
        if (!claim.claimed()) return;
        jdbc.update("DELETE FROM hub_message_claims WHERE stage = ? AND message_id = ? AND claim_token = ? AND completed_at IS NULL",
                claim.stage().column(), claim.messageId(), claim.token());
    }

    /** Deletes completed claims older than the given age; returns how many. */
    public int purgeCompletedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM hub_message_claims WHERE completed_at IS NOT NULL AND completed_at < ?", cutoff.toEpochMilli());
    }

    /** Whether the id's work at the stage is recorded as done. */
    public boolean isDone(ProcessingStage stage, String messageId) {
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM hub_message_claims WHERE stage = ? AND message_id = ? "
                + "AND completed_at IS NOT NULL", Integer.class, stage.column(), messageId);
        return done != null && done > 0;
    }

    private record Holder(String token, String instance, String boot, long leaseUntil, boolean completed) {
    }
}
