package org.medgemmahub.pipeline.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.TemporaryPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The claims on a real PostgreSQL server, with the Postgres schema the README names (run twice: it is re-runnable). */
class PostgresClaimStoreIT {
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static TemporaryPostgres postgres;
    private static PGSimpleDataSource database;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TemporaryPostgres.start();
        database = new PGSimpleDataSource();
        database.setURL(postgres.url());
        database.setUser("postgres");
        ResourceDatabasePopulator schema = new ResourceDatabasePopulator(new ClassPathResource("db/schema-postgresql.sql"));
        schema.execute(database);
        schema.execute(database);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) postgres.close();
    }

    private static ClaimStore hub(String instance) {
        return new ClaimStore(database, instance, LEASE, Duration.ofSeconds(15), Clock.systemUTC());
    }

    @Test
    void claimsCompletesAndAnswersAlreadyDoneToAnotherHub() {
        ClaimStore a = hub("a");
        Claim claim = a.claim(ProcessingStage.INFERENCE, "pg-r1");
        assertThat(claim.claimed()).isTrue();
        assertThat(hub("b").claim(ProcessingStage.INFERENCE, "pg-r1").heldElsewhere()).isTrue();
        a.complete(claim);
        assertThat(hub("b").claim(ProcessingStage.INFERENCE, "pg-r1").alreadyDone()).isTrue();
    }

    @Test
    void releasedIdsCanBeClaimedAgainAndARestartedHubTakesOverItsOwnClaim() {
        ClaimStore a = hub("a");
        a.release(a.claim(ProcessingStage.FHIR_WRITE, "pg-r2"));
        hub("b").claim(ProcessingStage.FHIR_WRITE, "pg-r2");
        assertThat(hub("b").claim(ProcessingStage.FHIR_WRITE, "pg-r2").claimed()).as("b restarted").isTrue();
    }

    @Test
    void grantsOneOfManyConcurrentClaims() throws Exception {
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Claim>> claims = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            ClaimStore hub = hub("hub-" + i);
            claims.add(pool.submit(() -> {
                start.await();
                return hub.claim(ProcessingStage.INFERENCE, "pg-contended");
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Claim> claim : claims) if (claim.get().claimed()) granted++;
        pool.shutdown();
        assertThat(granted).isEqualTo(1);
    }
}
