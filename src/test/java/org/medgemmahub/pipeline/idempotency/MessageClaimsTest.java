package org.medgemmahub.pipeline.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The calls the routes make, in the order medgemma-infer, medgemma-errors and fhir-write make them. */
class MessageClaimsTest {
    private static final IdempotencyProperties ON =
            new IdempotencyProperties(true, Duration.ofMinutes(10), Duration.ofSeconds(15), "hub-a", Duration.ofDays(30));
    private ClaimStore store;
    private MessageClaims claims;
    private MessageClaims otherHub;

    @BeforeEach
    void createDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:message-claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema.sql")).execute(h2);
        store = new ClaimStore(h2, "hub-a", ON.lease(), ON.recheck(), Clock.systemUTC());
        claims = new MessageClaims(store, ON, Clock.systemUTC());
        otherHub = new MessageClaims(new ClaimStore(h2, "hub-b", ON.lease(), ON.recheck(), Clock.systemUTC()), ON, Clock.systemUTC());
    }

    @Test
    void dropsARequestWhoseResultReachedTheWriter() {
        assertThat(claims.claimInference("r1").claimed()).isTrue();
        assertThat(otherHub.claimInference("r1").heldElsewhere()).as("while the call is in flight").isTrue();
        claims.resultReceived("r1");
        assertThat(otherHub.claimInference("r1").alreadyDone()).isTrue();
    }

    @Test
    void letsTheRescheduledCopyOfAFailedCallClaimAgain() {
        Claim failed = claims.claimInference("r1");
        claims.release(failed);
        assertThat(otherHub.claimInference("r1").claimed()).isTrue();
    }

    @Test
    void releasesNothingWhenTheFailureCameBeforeTheClaim() {
        claims.release(null);
        assertThat(claims.claimInference("r1").claimed()).isTrue();
    }

    @Test
    void dropsAReplayedResultThatWasWritten() {
        assertThat(claims.alreadyWritten("r1")).isFalse();
        claims.written("r1");
        assertThat(otherHub.alreadyWritten("r1")).isTrue();
    }

    @Test
    void recordsAResultThatArrivesWithoutAClaim() {
        claims.resultReceived("replayed-after-purge");
        assertThat(store.isDone(ProcessingStage.INFERENCE, "replayed-after-purge")).isTrue();
    }

    @Test
    void claimsEverythingAndRecordsNothingWhenSwitchedOff() {
        MessageClaims off = new MessageClaims(store, new IdempotencyProperties(false, ON.lease(), ON.recheck(), "", ON.retention()), Clock.systemUTC());
        assertThat(off.claimInference("r1").claimed()).isTrue();
        off.resultReceived("r1");
        off.written("r1");
        assertThat(off.claimInference("r1").claimed()).isTrue();
        assertThat(off.alreadyWritten("r1")).isFalse();
        assertThat(store.isDone(ProcessingStage.INFERENCE, "r1")).isFalse();
    }
}
