package org.medgemmahub.pipeline.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The claims follow the JMS transaction of the consuming route, simulated here by Spring's synchronization hooks. */
class MessageClaimsTest {
    private static final IdempotencyProperties ON = new IdempotencyProperties(true, Duration.ofMinutes(10), Duration.ofSeconds(15), "hub-a", Duration.ofDays(30));
    private ClaimStore store;
    private MessageClaims claims;
    private ClaimStore otherHub;

    @BeforeEach
    void createDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:message-claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema.sql")).execute(h2);
        store = new ClaimStore(h2, "hub-a", ON.lease(), ON.recheck(), Clock.systemUTC());
        otherHub = new ClaimStore(h2, "hub-b", ON.lease(), ON.recheck(), Clock.systemUTC());
        claims = new MessageClaims(store, ON, Clock.systemUTC());
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) TransactionSynchronizationManager.clearSynchronization();
    }

    private static void commit() {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_COMMITTED);
    }

    private static void rollback() {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_ROLLED_BACK);
    }

    @Test
    void completesTheModelCallOnlyWhenTheTransactionThatQueuedTheResultCommits() {
        Claim claim = claims.claimInference("r1");
        claims.resultQueued(claim);
        assertThat(store.isDone(ProcessingStage.INFERENCE, "r1")).as("before the commit").isFalse();
        commit();
        assertThat(store.isDone(ProcessingStage.INFERENCE, "r1")).isTrue();
        assertThat(otherHub.claim(ProcessingStage.INFERENCE, "r1").alreadyDone()).isTrue();
    }

    @Test
    void releasesTheClaimWhenTheTransactionRollsBack() {
        Claim claim = claims.claimInference("r1");
        claims.resultQueued(claim);
        rollback();
        assertThat(otherHub.claim(ProcessingStage.INFERENCE, "r1").claimed()).isTrue();
    }

    @Test
    void releasesTheClaimOfARetryRescheduledWithoutAResult() {
        assertThat(claims.claimInference("r1").claimed()).isTrue();
        commit(); // medgemma-errors handled the failure: the request went back to the queue, no result
        assertThat(otherHub.claim(ProcessingStage.INFERENCE, "r1").claimed()).as("the rescheduled copy may claim").isTrue();
    }

    @Test
    void completesAWriteAtOnceEvenIfTheTransactionThenRollsBack() {
        Claim claim = claims.claimWrite("r1");
        claims.written(claim);
        rollback();
        assertThat(store.isDone(ProcessingStage.FHIR_WRITE, "r1")).isTrue();
    }

    @Test
    void dropsAReplayedResultThatWasWritten() {
        claims.written(claims.claimWrite("r1"));
        commit();
        TransactionSynchronizationManager.initSynchronization();
        assertThat(claims.claimWrite("r1").alreadyDone()).isTrue();
    }

    @Test
    void claimsEverythingAndRecordsNothingWhenSwitchedOff() {
        MessageClaims off = new MessageClaims(store, new IdempotencyProperties(false, ON.lease(), ON.recheck(), "", ON.retention()), Clock.systemUTC());
        Claim claim = off.claimInference("r1");
        off.resultQueued(claim);
        commit();
        assertThat(claim.claimed()).isTrue();
        assertThat(store.isDone(ProcessingStage.INFERENCE, "r1")).isFalse();
        assertThat(off.claimInference("r1").claimed()).isTrue();
    }
}
