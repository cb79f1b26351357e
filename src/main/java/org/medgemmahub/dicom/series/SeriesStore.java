package org.medgemmahub.dicom.series;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.medgemmahub.pipeline.PipelineJson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Series still receiving instances, in the hub's database (db/schema.sql; plain SQL for H2 and Postgres): one row per
 * instance in {@code hub_series_instances}, so adding an instance costs the same for the 2,000th slice as for the first,
 * and one row per series in {@code hub_series} with the time of its last instance. A series whose last instance is
 * older than the quiet period is claimed by one hub (of several sharing the database) for a lease; a hub restarted
 * under the same instance id takes its own claims over at once. Each call commits on its own, so no JMS transaction
 * waits on the database.
 */
public class SeriesStore {
    private static final int ADD_ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String instance;
    private final String boot = UUID.randomUUID().toString();
    private final Duration lease;
    private final Clock clock;

    public SeriesStore(DataSource dataSource, String instance, Duration lease, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.instance = instance;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Adds the instance to its series (a second add of the same SOP Instance UID replaces the first) and makes the
     * series' quiet period start again. The series row is touched first: a series being claimed meanwhile either sees
     * the new time and is left alone, or is released without this instance, which then starts the series anew. Of two
     * adders inserting the same row at once one fails on the key; its whole transaction is rolled back and run again
     * (on Postgres a failed statement spoils the rest of its transaction, so the retry cannot stay inside it).
     */
    public void add(SeriesInstance added) {
        String json = PipelineJson.write(added);
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> addOnce(added, json));
                return;
            } catch (DuplicateKeyException insertedMeanwhile) {
                if (attempt == ADD_ATTEMPTS) throw insertedMeanwhile;
            }
        }
    }

    private void addOnce(SeriesInstance added, String json) {
        long now = clock.millis();
        if (jdbc.update("UPDATE hub_series SET last_instance_at = ? WHERE series_uid = ?", now, added.seriesInstanceUid()) == 0) {
            jdbc.update("INSERT INTO hub_series (series_uid, last_instance_at, attempts) VALUES (?, ?, 0)",
                    added.seriesInstanceUid(), now);
        }
        if (jdbc.update("UPDATE hub_series_instances SET instance_json = ? WHERE series_uid = ? AND sop_instance_uid = ?",
                json, added.seriesInstanceUid(), added.sopInstanceUid()) == 0) {
            jdbc.update("INSERT INTO hub_series_instances (series_uid, sop_instance_uid, instance_json) VALUES (?, ?, ?)",
                    added.seriesInstanceUid(), added.sopInstanceUid(), json);
        }
    }

    /** Series quiet for {@code quietPeriod} that no live hub holds, oldest first, at most {@code limit}. */
    public List<String> stable(Duration quietPeriod, int limit) {
        long now = clock.millis();
        return jdbc.query("SELECT series_uid FROM hub_series WHERE last_instance_at < ? AND (claim_token IS NULL "
                        + "OR claimed_until < ? OR (owner_instance = ? AND owner_boot <> ?)) ORDER BY last_instance_at",
                (rs, row) -> rs.getString(1), now - quietPeriod.toMillis(), now, instance, boot)
                .stream().limit(limit).toList();
    }

    /**
     * Claims a stable series for this hub, unless another hub took it or an instance arrived meanwhile; the claim
     * holds the members as they are now. Each claim counts as an attempt.
     */
    public ClaimedSeries claim(String seriesUid, Duration quietPeriod) {
        // one transaction: the claim's row lock holds a concurrent add back until the members are read
        return transaction.execute(status -> claimLocked(seriesUid, quietPeriod));
    }

    private ClaimedSeries claimLocked(String seriesUid, Duration quietPeriod) {
        long now = clock.millis();
        String token = UUID.randomUUID().toString();
        int claimed = jdbc.update("UPDATE hub_series SET claim_token = ?, owner_instance = ?, owner_boot = ?, claimed_until = ?, "
                        + "attempts = attempts + 1 WHERE series_uid = ? AND last_instance_at < ? AND (claim_token IS NULL "
                        + "OR claimed_until < ? OR (owner_instance = ? AND owner_boot <> ?))",
                token, instance, boot, now + lease.toMillis(), seriesUid, now - quietPeriod.toMillis(), now, instance, boot);
        if (claimed == 0) return null;
        ClaimState state = jdbc.queryForObject("SELECT last_instance_at, attempts FROM hub_series WHERE series_uid = ?",
                (rs, row) -> new ClaimState(rs.getLong(1), rs.getInt(2)), seriesUid);
        List<SeriesInstance> members = jdbc.query("SELECT instance_json FROM hub_series_instances WHERE series_uid = ?",
                (rs, row) -> PipelineJson.read(rs.getString(1), SeriesInstance.class), seriesUid);
        return new ClaimedSeries(seriesUid, token, state.lastInstanceAt(), state.attempts(), members);
    }

    /**
     * The claimed series is done with (its request queued, or dead-lettered): its claimed members are removed, and the
     * series too unless an instance arrived after the claim; then that newer part waits for its own quiet period.
     */
    public void remove(ClaimedSeries series) {
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("DELETE FROM hub_series_instances WHERE series_uid = ? AND sop_instance_uid = ?",
                    series.members().stream().map(m -> new Object[] {series.seriesUid(), m.sopInstanceUid()}).toList());
            int removed = jdbc.update("DELETE FROM hub_series WHERE series_uid = ? AND claim_token = ? AND last_instance_at = ?",
                    series.seriesUid(), series.token(), series.lastInstanceAt());
            if (removed == 0) {
                jdbc.update("UPDATE hub_series SET claim_token = NULL, claimed_until = NULL, attempts = 0 WHERE series_uid = ? "
                        + "AND claim_token = ?", series.seriesUid(), series.token());
            }
        });
    }

    /** The claimed series failed; it is claimed again (by any hub) once {@code retryAfter} has passed. */
    public void retryLater(ClaimedSeries series, Duration retryAfter) {
        jdbc.update("UPDATE hub_series SET claimed_until = ? WHERE series_uid = ? AND claim_token = ?",
                clock.millis() + retryAfter.toMillis(), series.seriesUid(), series.token());
    }

    private record ClaimState(long lastInstanceAt, int attempts) {
    }
}
