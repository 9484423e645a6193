package eu.focus.gateway.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.support.GatewayIT;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two sequencers (as two gateway instances would run) and the application's own scheduled one work
 * on one database while entries are being written: every entry gets exactly one leaf, the indexes
 * have no gap, and entries committed one after another keep their order.
 */
class MerkleSequencerIT extends GatewayIT {

  @Autowired AuditLog auditLog;
  @Autowired MerkleTreeStore store;
  @Autowired DatabaseLogVerifier verifier;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  @Test
  void concurrentSequencersLeaveNoGapNoDuplicateAndKeepCommitOrder() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    List<MerkleSequencer> sequencers =
        List.of(
            new MerkleSequencer(store, transactions, clock, 7),
            new MerkleSequencer(store, transactions, clock, 13));
    List<String> written = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<CompletableFuture<Integer>> runs = new ArrayList<>();
      for (MerkleSequencer sequencer : sequencers) {
        runs.add(
            CompletableFuture.supplyAsync(
                () -> {
                  int appended = 0;
                  while (writing.get() || store.queueLength() > 0) {
                    appended += sequencer.sequenceBatch();
                  }
                  return appended;
                },
                pool));
      }
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                for (int t = 0; t < 40; t++) {
                  int batch = t;
                  tx.executeWithoutResult(
                      s -> {
                        for (int i = 0; i < 5; i++) {
                          written.add(
                              auditLog.append(
                                  AuditEvent.of(AuditAction.CONSULTED, "SUCCESS")
                                      .reason("sequencer test " + batch + "." + i)));
                        }
                      });
                }
                writing.set(false);
              },
              pool);
      writer.get(60, TimeUnit.SECONDS);
      int total = 0;
      for (CompletableFuture<Integer> run : runs) {
        total += run.get(60, TimeUnit.SECONDS);
      }
      assertThat(total).as("entries appended by the two test sequencers").isPositive();
    } finally {
      pool.shutdownNow();
    }

    Map<String, Object> leaves =
        jdbc.sql(
                "select count(*) as n, count(distinct entry_id) as d, min(leaf_index) as lo,"
                    + " max(leaf_index) as hi from audit_leaf")
            .query()
            .singleRow();
    long n = ((Number) leaves.get("n")).longValue();
    assertThat(((Number) leaves.get("d")).longValue()).isEqualTo(n);
    assertThat(((Number) leaves.get("lo")).longValue()).isZero();
    assertThat(((Number) leaves.get("hi")).longValue()).isEqualTo(n - 1);
    assertThat(store.head().size()).isGreaterThanOrEqualTo(n);

    List<Long> indexes = new ArrayList<>();
    for (String id : written) {
      indexes.add(store.leafIndex(id).orElseThrow());
    }
    assertThat(indexes).hasSize(200).doesNotHaveDuplicates().isSorted();
    assertThat(verifier.verify().intact()).isTrue();
  }

  /**
   * The verifier runs while entries are written and sequenced (as an auditor's "verify now" does on
   * a busy gateway): every check it makes says intact. Before it held the tree head's lock, a check
   * on H2 could see a head newer than its leaves and report a missing leaf.
   */
  @Test
  void verifierSeesOneConsistentTreeWhileEntriesAreSequenced() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    MerkleSequencer sequencer = new MerkleSequencer(store, transactions, clock, 5);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<LogCheck> checks = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CompletableFuture<Void> sequencing =
          CompletableFuture.runAsync(
              () -> {
                while (writing.get() || store.queueLength() > 0) {
                  sequencer.sequenceBatch();
                }
              },
              pool);
      CompletableFuture<Void> verifying =
          CompletableFuture.runAsync(
              () -> {
                while (writing.get()) {
                  checks.add(verifier.verify());
                }
              },
              pool);
      for (int t = 0; t < 60; t++) {
        int batch = t;
        tx.executeWithoutResult(
            s -> {
              for (int i = 0; i < 3; i++) {
                auditLog.append(
                    AuditEvent.of(AuditAction.CONSULTED, "SUCCESS")
                        .reason("verifier test " + batch + "." + i));
              }
            });
      }
      writing.set(false);
      sequencing.get(60, TimeUnit.SECONDS);
      verifying.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(checks).as("verifications made during the writes").isNotEmpty();
    assertThat(checks.stream().filter(c -> !c.intact()).toList())
        .as("checks that did not find the log intact")
        .isEmpty();
  }
}
