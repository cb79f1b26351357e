package org.medgemmahub.dicom.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medgemmahub.pipeline.PipelineJson;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

class SeriesStoreTest {
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-12-04T10:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private DataSource database;

    @BeforeEach
    void createDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:series-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema.sql")).execute(h2);
        database = h2;
    }

    private SeriesStore hub(String instance) {
        return new SeriesStore(database, instance, LEASE, clock);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toMillis());
    }

    @Test
    void aSeriesIsStableOnlyAfterItsQuietPeriodSinceTheLastInstance() {
        SeriesStore store = hub("a");
        store.add(instance("s1", "i1"));
        advance(Duration.ofSeconds(8));
        store.add(instance("s1", "i2"));
        advance(Duration.ofSeconds(8));

        assertThat(store.stable(QUIET, 10)).isEmpty();
        advance(Duration.ofSeconds(3));
        assertThat(store.stable(QUIET, 10)).containsExactly("s1");
        assertThat(store.claim("s1", QUIET).members()).extracting(SeriesInstance::sopInstanceUid).containsExactlyInAnyOrder("i1", "i2");
    }

    @Test
    void anInstanceSentAgainReplacesTheFirstCopy() {
        SeriesStore store = hub("a");
        store.add(instance("s1", "i1"));
        store.add(instance("s1", "i1"));
        advance(QUIET.plusSeconds(1));

        assertThat(store.claim("s1", QUIET).members()).hasSize(1);
    }

    @Test
    void ofTwoHubsOnlyOneClaimsAStableSeries() {
        SeriesStore a = hub("a");
        SeriesStore b = hub("b");
        a.add(instance("s1", "i1"));
        advance(QUIET.plusSeconds(1));

        assertThat(a.claim("s1", QUIET)).isNotNull();
        assertThat(b.stable(QUIET, 10)).isEmpty();
        assertThat(b.claim("s1", QUIET)).isNull();
    }

    @Test
    void anotherHubTakesOverAClaimWhoseLeaseRanOut() {
        SeriesStore a = hub("a");
        a.add(instance("s1", "i1"));
        advance(QUIET.plusSeconds(1));
        a.claim("s1", QUIET);
        advance(LEASE.plusSeconds(1));

        ClaimedSeries takenOver = hub("b").claim("s1", QUIET);
        assertThat(takenOver).isNotNull();
        assertThat(takenOver.attempts()).isEqualTo(2);
    }

    @Test
    void aRestartedHubTakesItsOwnClaimOverAtOnce() {
        hub("a").add(instance("s1", "i1"));
        advance(QUIET.plusSeconds(1));
        assertThat(hub("a").claim("s1", QUIET)).isNotNull();

        SeriesStore restarted = hub("a");
        assertThat(restarted.stable(QUIET, 10)).containsExactly("s1");
        assertThat(restarted.claim("s1", QUIET)).isNotNull();
    }

    @Test
    void aRemovedSeriesIsGoneWithItsMembers() {
        SeriesStore store = hub("a");
        store.add(instance("s1", "i1"));
        store.add(instance("s2", "j1"));
        advance(QUIET.plusSeconds(1));

        store.remove(store.claim("s1", QUIET));
        advance(QUIET);

        assertThat(store.stable(QUIET, 10)).containsExactly("s2");
        assertThat(rows("hub_series_instances")).isEqualTo(1);
    }

    @Test
    void anInstanceArrivingAfterTheClaimIsKeptAndGroupedAfterItsOwnQuietPeriod() {
        SeriesStore store = hub("a");
        store.add(instance("s1", "i1"));
        advance(QUIET.plusSeconds(1));
        ClaimedSeries first = store.claim("s1", QUIET);
        store.add(instance("s1", "i2"));
        store.remove(first);

        assertThat(store.stable(QUIET, 10)).isEmpty();
        advance(QUIET.plusSeconds(1));
        ClaimedSeries rest = store.claim("s1", QUIET);
        assertThat(rest.members()).extracting(SeriesInstance::sopInstanceUid).containsExactly("i2");
        assertThat(rest.attempts()).isEqualTo(1);
    }

    @Test
    void aFailedSeriesIsClaimedAgainOnlyAfterItsPause() {
        SeriesStore store = hub("a");
        store.add(instance("s1", "i1"));
        advance(QUIET.plusSeconds(1));
        store.retryLater(store.claim("s1", QUIET), Duration.ofSeconds(5));

        advance(Duration.ofSeconds(4));
        assertThat(store.claim("s1", QUIET)).isNull();
        advance(Duration.ofSeconds(2));
        assertThat(store.claim("s1", QUIET).attempts()).isEqualTo(2);
    }

    @Test
    void addingToALargeSeriesWritesOneRowPerInstance() {
        SeriesStore store = hub("a");
        for (int i = 0; i < 500; i++) store.add(instance("big", "i" + i));
        advance(QUIET.plusSeconds(1));

        assertThat(rows("hub_series_instances")).isEqualTo(500);
        assertThat(store.claim("big", QUIET).members()).hasSize(500);
    }

    @Test
    void addersRacingOnNewSeriesLoseNoInstance() throws Exception {
        addConcurrently(hub("a"), "race-");

        assertThat(rows("hub_series_instances")).isEqualTo(4 * 60);
        assertThat(rows("hub_series")).isEqualTo(3);
    }

    /**
     * Four threads add 60 instances each, spread over three new series, at once (the first instances of each series
     * race to insert its row).
     */
    static void addConcurrently(SeriesStore store, String seriesPrefix) throws Exception {
        ExecutorService adders = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(adders.submit(() -> {
                start.await();
                for (int i = 0; i < 60; i++) store.add(instance(seriesPrefix + (i % 3), "t" + thread + "-" + i));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> adder : done) adder.get(1, TimeUnit.MINUTES);
        adders.shutdown();
    }

    @Test
    void readsOneInstanceOrAWholeReplayedSeriesFromAQueueMessage() {
        String one = PipelineJson.write(instance("s1", "i1"));
        String series = PipelineJson.write(List.of(instance("s1", "i1"), instance("s1", "i2")));

        assertThat(SeriesMembers.read(one)).extracting(SeriesInstance::sopInstanceUid).containsExactly("i1");
        assertThat(SeriesMembers.read(series)).extracting(SeriesInstance::sopInstanceUid).containsExactly("i1", "i2");
    }

    private int rows(String table) {
        Integer count = new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return count == null ? 0 : count;
    }

    static SeriesInstance instance(String series, String sop) {
        return new SeriesInstance(sop, "1.2.840.10008.5.1.4.1.1.2", "1.2.3", series, "CT", 1, 0.0, 1,
                "/spool/" + sop + ".dcm", List.of(), null, null, null, "PACS", Instant.parse("2026-12-04T10:00:00Z"));
    }
}
