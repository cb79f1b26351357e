package org.medgemmahub.pipeline.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

class ClaimStoreTest {
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration RECHECK = Duration.ofSeconds(15);
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-12-03T10:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
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
        h2.setURL("jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema.sql")).execute(h2);
        database = h2;
    }

    private ClaimStore hub(String instance) {
        return new ClaimStore(database, instance, LEASE, RECHECK, clock);
    }

    @Test
    void claimsAnUnseenIdOnce() {
        ClaimStore a = hub("a");
        assertThat(a.claim(ProcessingStage.INFERENCE, "r1").claimed()).isTrue();
        assertThat(hub("b").claim(ProcessingStage.INFERENCE, "r1").heldElsewhere()).isTrue();
    }

    @Test
    void answersAlreadyDoneAfterCompletionToEveryHub() {
        ClaimStore a = hub("a");
        a.complete(a.claim(ProcessingStage.INFERENCE, "r1"));
        assertThat(a.claim(ProcessingStage.INFERENCE, "r1").alreadyDone()).isTrue();
        assertThat(hub("b").claim(ProcessingStage.INFERENCE, "r1").alreadyDone()).isTrue();
        assertThat(a.isDone(ProcessingStage.INFERENCE, "r1")).isTrue();
    }

    @Test
    void keepsStagesApart() {
        ClaimStore a = hub("a");
        a.complete(a.claim(ProcessingStage.INFERENCE, "r1"));
        assertThat(a.claim(ProcessingStage.FHIR_WRITE, "r1").claimed()).isTrue();
    }

    @Test
    void letsTheNextDeliveryClaimAReleasedId() {
        ClaimStore a = hub("a");
        a.release(a.claim(ProcessingStage.INFERENCE, "r1"));
        Claim again = hub("b").claim(ProcessingStage.INFERENCE, "r1");
        assertThat(again.claimed()).isTrue();
    }

    @Test
    void schedulesAHeldIdAgainAfterTheRecheckIntervalOrWhenTheLeaseEndsIfSooner() {
        hub("a").claim(ProcessingStage.INFERENCE, "r1");
        Claim held = hub("b").claim(ProcessingStage.INFERENCE, "r1");
        assertThat(held.retryAt()).isEqualTo(clock.instant().plus(RECHECK));
        now.addAndGet(LEASE.minusSeconds(5).toMillis());
        Claim nearlyOut = hub("b").claim(ProcessingStage.INFERENCE, "r1");
        assertThat(nearlyOut.retryAtMillis()).isEqualTo(clock.instant().plusSeconds(5).toEpochMilli());
    }

    @Test
    void takesOverTheClaimOfAHubThatDiedOnceTheLeaseRunsOut() {
        ClaimStore dead = hub("a");
        Claim abandoned = dead.claim(ProcessingStage.INFERENCE, "r1");
        now.addAndGet(LEASE.toMillis() + 1);
        ClaimStore b = hub("b");
        Claim taken = b.claim(ProcessingStage.INFERENCE, "r1");
        assertThat(taken.claimed()).isTrue();
        dead.complete(abandoned);   // the old holder's late completion does not count: its token is gone
        assertThat(b.isDone(ProcessingStage.INFERENCE, "r1")).isFalse();
        b.complete(taken);
        assertThat(b.isDone(ProcessingStage.INFERENCE, "r1")).isTrue();
    }

    @Test
    void takesOverItsOwnClaimAtOnceAfterARestart() {
        hub("a").claim(ProcessingStage.INFERENCE, "r1");
        assertThat(hub("a").claim(ProcessingStage.INFERENCE, "r1").claimed()).isTrue();
    }

    @Test
    void recordsDoneWhoeverHoldsTheClaimOrWhenNobodyDoes() {
        hub("a").claim(ProcessingStage.INFERENCE, "held");
        hub("b").recordDone(ProcessingStage.INFERENCE, "held");
        hub("b").recordDone(ProcessingStage.INFERENCE, "unclaimed");
        hub("b").recordDone(ProcessingStage.INFERENCE, "unclaimed");
        assertThat(hub("c").claim(ProcessingStage.INFERENCE, "held").alreadyDone()).isTrue();
        assertThat(hub("c").claim(ProcessingStage.INFERENCE, "unclaimed").alreadyDone()).isTrue();
    }

    @Test
    void purgesOnlyCompletedClaimsOlderThanTheCutoff() {
        ClaimStore a = hub("a");
        a.complete(a.claim(ProcessingStage.INFERENCE, "old"));
        a.claim(ProcessingStage.INFERENCE, "open");
        now.addAndGet(Duration.ofDays(31).toMillis());
        a.complete(a.claim(ProcessingStage.INFERENCE, "recent"));
        assertThat(a.purgeCompletedBefore(clock.instant().minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(a.isDone(ProcessingStage.INFERENCE, "old")).isFalse();
        assertThat(a.isDone(ProcessingStage.INFERENCE, "recent")).isTrue();
    }

    @Nested
    class UnderContention {
        @Test
        void grantsOneOfManyConcurrentClaimsOnOneId() throws Exception {
            int contenders = 8;
            ExecutorService pool = Executors.newFixedThreadPool(contenders);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                ClaimStore hub = hub("hub-" + i);
                Callable<Claim> claim = () -> {
                    start.await();
                    return hub.claim(ProcessingStage.INFERENCE, "contended");
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int granted = 0;
            for (Future<Claim> claim : claims) {
                Claim answer = claim.get();
                if (answer.claimed()) granted++;
                else assertThat(answer.heldElsewhere()).isTrue();
            }
            pool.shutdown();
            assertThat(granted).isEqualTo(1);
        }

        @Test
        void grantsOneTakeOverOfAnExpiredClaim() throws Exception {
            hub("dead").claim(ProcessingStage.FHIR_WRITE, "expired");
            now.addAndGet(LEASE.toMillis() + 1);
            int contenders = 6;
            ExecutorService pool = Executors.newFixedThreadPool(contenders);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                ClaimStore hub = hub("hub-" + i);
                claims.add(pool.submit(() -> {
                    start.await();
                    return hub.claim(ProcessingStage.FHIR_WRITE, "expired");
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Claim> claim : claims) if (claim.get().claimed()) granted++;
            pool.shutdown();
            assertThat(granted).isEqualTo(1);
        }
    }
}
