package eu.focus.gateway.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import eu.focus.contract.audit.CompactRange.Node;
import eu.focus.contract.audit.MerkleHashes;
import eu.focus.contract.audit.TreeProofs;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.audit.merkle.LogCheck.Problem;
import eu.focus.gateway.support.GatewayIT;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with the stored log, as someone with database access would, is detected by the database
 * verifier, which names the first bad entry. Each attack runs in a transaction that holds the tree
 * head lock, is verified inside it, and is rolled back: the shared database stays intact.
 */
class AuditTamperIT extends GatewayIT {

  @Autowired AuditLog auditLog;
  @Autowired MerkleSequencer sequencer;
  @Autowired AuditCheckpoints checkpoints;
  @Autowired DatabaseLogVerifier verifier;
  @Autowired MerkleTreeStore store;
  @Autowired PlatformTransactionManager transactions;

  private TransactionTemplate tx;

  /** Fresh entries of this test, in the tree and under a signed checkpoint. */
  private List<String> entries;

  @BeforeEach
  void entriesUnderACheckpoint() {
    tx = new TransactionTemplate(transactions);
    entries = append(4);
    sequencer.sequenceNow();
    checkpoints.checkpointNow();
    assertThat(verifier.verify().intact()).as("the log before tampering").isTrue();
  }

  private List<String> append(int n) {
    List<String> ids = new ArrayList<>();
    tx.executeWithoutResult(
        s -> {
          for (int i = 0; i < n; i++) {
            ids.add(
                auditLog.append(
                    AuditEvent.of(AuditAction.CONSULTED, "SUCCESS")
                        .actor("ro-police", "officer@ro-police", "AGENCY")
                        .reason("tamper test " + i)));
          }
        });
    return ids;
  }

  /** Runs the attack and the verification in one transaction, then rolls it back. */
  private LogCheck tampered(Consumer<Long> attack) {
    LogCheck check =
        tx.execute(
            s -> {
              s.setRollbackOnly();
              store.lockHead();
              attack.accept(0L);
              return verifier.verify();
            });
    assertThat(check.intact()).as("%s", check).isFalse();
    return check;
  }

  private long leaf(String entryId) {
    return store.leafIndex(entryId).orElseThrow();
  }

  private void sql(String sql, Object... args) {
    var spec = jdbc.sql(sql);
    for (int i = 0; i < args.length; i++) {
      spec = spec.param(i + 1, args[i]);
    }
    spec.update();
  }

  @Test
  void anEditedColumnIsNamed() {
    String victim = entries.get(1);
    LogCheck check =
        tampered(x -> sql("update audit_entry set outcome = 'FAILURE' where entry_id = ?", victim));
    assertThat(check.problem()).isEqualTo(Problem.COLUMNS_CHANGED);
    assertThat(check.leafIndex()).isEqualTo(leaf(victim));
    assertThat(check.entryId()).isEqualTo(victim);
  }

  @Test
  void anEditedCanonicalTextIsNamed() {
    String victim = entries.get(2);
    LogCheck check =
        tampered(
            x ->
                sql(
                    "update audit_entry set outcome = 'FAILURE', canonical = replace(canonical,"
                        + " '\"outcome\":\"SUCCESS\"', '\"outcome\":\"FAILURE\"') where entry_id = ?",
                    victim));
    assertThat(check.problem()).isEqualTo(Problem.LEAF_HASH_MISMATCH);
    assertThat(check.leafIndex()).isEqualTo(leaf(victim));
    assertThat(check.entryId()).isEqualTo(victim);
  }

  /**
   * Text, leaf hash, every stored ancestor and the head rewritten consistently: each row checks
   * out, but the signed checkpoint after the entry does not. Nothing finer than a checkpoint is
   * signed, so the verifier names the first entry after the last checkpoint that still matches.
   */
  @Test
  void aConsistentRewriteIsCaughtByTheNextCheckpoint() {
    long before = store.latestCheckpoint().orElseThrow().treeSize();
    List<String> later = append(3);
    sequencer.sequenceNow();
    checkpoints.checkpointNow();
    String victim = later.get(1);
    long victimLeaf = leaf(victim);

    LogCheck check =
        tampered(
            x -> {
              sql(
                  "update audit_entry set outcome = 'FAILURE', canonical = replace(canonical,"
                      + " '\"outcome\":\"SUCCESS\"', '\"outcome\":\"FAILURE\"') where entry_id = ?",
                  victim);
              String text = store.canonicalAt(victimLeaf).orElseThrow();
              rewriteLeafHash(
                  victimLeaf, MerkleHashes.leafHash(text.getBytes(StandardCharsets.UTF_8)));
            });

    long lastMatching =
        jdbc.sql("select max(tree_size) from audit_checkpoint where tree_size <= :leaf")
            .param("leaf", victimLeaf)
            .query(Long.class)
            .single();
    assertThat(lastMatching).isGreaterThanOrEqualTo(before);
    assertThat(check.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
    assertThat(check.leafIndex()).isEqualTo(lastMatching).isLessThanOrEqualTo(victimLeaf);
    assertThat(check.detail()).contains("history was rewritten from leaf " + lastMatching);
  }

  @Test
  void aDeletedRowIsNamed() {
    String victim = entries.get(0);
    LogCheck entryGone = tampered(x -> sql("delete from audit_entry where entry_id = ?", victim));
    assertThat(entryGone.problem()).isEqualTo(Problem.ENTRY_MISSING);
    assertThat(entryGone.leafIndex()).isEqualTo(leaf(victim));
    assertThat(entryGone.entryId()).isEqualTo(victim);

    long index = leaf(victim);
    LogCheck leafGone =
        tampered(
            x -> {
              sql("delete from audit_leaf where leaf_index = ?", index);
              sql("delete from audit_entry where entry_id = ?", victim);
            });
    assertThat(leafGone.problem()).isEqualTo(Problem.LEAF_MISSING);
    assertThat(leafGone.leafIndex()).isEqualTo(index);
  }

  @Test
  void swappedRowsAreNamedAtTheFirstPosition() {
    String first = entries.get(1);
    String second = entries.get(3);
    long i = leaf(first);
    long j = leaf(second);
    LogCheck check =
        tampered(
            x -> {
              sql("update audit_leaf set entry_id = 'swap' where leaf_index = ?", i);
              sql("update audit_leaf set entry_id = ? where leaf_index = ?", first, j);
              sql("update audit_leaf set entry_id = ? where leaf_index = ?", second, i);
            });
    assertThat(check.problem()).isEqualTo(Problem.LEAF_HASH_MISMATCH);
    assertThat(check.leafIndex()).isEqualTo(i);
    assertThat(check.entryId()).isEqualTo(second);
  }

  @Test
  void anEditedNodeOrCheckpointIsFound() {
    LogCheck node =
        tampered(
            x ->
                sql(
                    "update audit_node set hash = ? where level = 1 and node_index = 0",
                    new byte[32]));
    assertThat(node.problem()).isEqualTo(Problem.NODE_MISMATCH);
    assertThat(node.leafIndex()).isZero();

    long size = store.latestCheckpoint().orElseThrow().treeSize();
    LogCheck checkpoint =
        tampered(
            x ->
                sql(
                    "update audit_checkpoint set note = replace(note, ?, ?) where tree_size = ?",
                    "\n" + size + "\n",
                    "\n" + (size + 1) + "\n",
                    size));
    assertThat(checkpoint.problem()).isEqualTo(Problem.CHECKPOINT_SIGNATURE);
  }

  @Test
  void anEntryWrittenAroundTheLogIsFound() {
    String forged = java.util.UUID.randomUUID().toString();
    LogCheck check =
        tampered(
            x ->
                sql(
                    "insert into audit_entry (entry_id, occurred_at, action, outcome, canonical)"
                        + " values (?, current_timestamp, 'CONSULTED', 'SUCCESS', '{}')",
                    forged));
    assertThat(check.problem()).isEqualTo(Problem.ENTRY_NOT_LOGGED);
    assertThat(check.entryId()).isEqualTo(forged);
  }

  /**
   * The tail behind a signed checkpoint is cut off: first left short (the checkpoint counts more
   * than the tree holds), then regrown with other entries through the real sequencer to beyond the
   * checkpoint (its root no longer matches). Either way the first entry cut off is named: a
   * checkpoint was signed exactly at the cut.
   */
  @Test
  void truncatingAndRegrowingBehindACheckpointIsNamed() {
    long cut = store.latestCheckpoint().orElseThrow().treeSize();
    append(5);
    sequencer.sequenceNow();
    long signed = checkpoints.checkpointNow().orElseThrow().treeSize();
    assertThat(signed).isGreaterThan(cut);

    LogCheck shortened = tampered(x -> truncate(cut));
    assertThat(shortened.problem()).isEqualTo(Problem.CHECKPOINT_BEYOND_TREE);
    assertThat(shortened.leafIndex()).isEqualTo(cut);

    LogCheck regrown =
        tampered(
            x -> {
              truncate(cut);
              append((int) (signed - cut) + 2);
              sequencer.sequenceNow(); // joins this transaction, so it sees the forged head
              assertThat(store.head().size()).isGreaterThanOrEqualTo(signed);
            });
    assertThat(regrown.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
    assertThat(regrown.leafIndex()).isEqualTo(cut);
  }

  /** Deletes leaves, nodes and entries from {@code size} on and sets a head that matches. */
  private void truncate(long size) {
    sql(
        "delete from audit_entry where entry_id in"
            + " (select entry_id from audit_leaf where leaf_index >= ?)",
        size);
    sql("delete from audit_leaf where leaf_index >= ?", size);
    for (int level = 0; level < 40; level++) {
      sql("delete from audit_node where level = ? and node_index >= ?", level, size >>> level);
    }
    setHead(size);
  }

  /** Replaces a leaf hash and recomputes every stored ancestor and the head, as a forger would. */
  private void rewriteLeafHash(long leaf, byte[] hash) {
    sql("update audit_node set hash = ? where level = 0 and node_index = ?", hash, leaf);
    for (int level = 1; level < 40; level++) {
      long index = leaf >>> level;
      Map<Node, byte[]> children =
          store.nodes(List.of(new Node(level - 1, 2 * index), new Node(level - 1, 2 * index + 1)));
      if (store.nodes(List.of(new Node(level, index))).isEmpty() || children.size() < 2) {
        break;
      }
      sql(
          "update audit_node set hash = ? where level = ? and node_index = ?",
          MerkleHashes.nodeHash(
              children.get(new Node(level - 1, 2 * index)),
              children.get(new Node(level - 1, 2 * index + 1))),
          level,
          index);
    }
    setHead(store.head().size());
  }

  private void setHead(long size) {
    TreeProofs.Plan root = TreeProofs.root(size);
    byte[] hash = root.assemble(store.nodes(root.nodes())).get(0);
    sql("update audit_tree_head set tree_size = ?, root_hash = ? where id = 1", size, hash);
  }
}
