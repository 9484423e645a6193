package eu.focus.gateway.audit.merkle;

import eu.focus.contract.audit.Checkpoint;
import eu.focus.contract.audit.CheckpointSigner;
import eu.focus.contract.audit.CheckpointVerification;
import eu.focus.contract.audit.CheckpointVerifier;
import eu.focus.contract.audit.CompactRange;
import eu.focus.contract.audit.MerkleHashes;
import eu.focus.gateway.audit.AuditEntry;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.audit.merkle.LogCheck.Problem;
import eu.focus.gateway.audit.merkle.MerkleTreeStore.StoredCheckpoint;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the stored log against itself and its signed checkpoints, and names the first bad entry.
 *
 * <p>In one repeatable-read transaction: every kept checkpoint's signature (with the gateway's own
 * public key); then the leaves are streamed in index order (a fetch size, never the whole log in
 * memory), checking for each that its index is the next one, that its entry exists, that the
 * entry's columns still give its canonical text ({@link AuditLog#canonical}), and that the text
 * hashes to the stored leaf hash; the leaf hashes rebuild the tree through a {@link CompactRange},
 * whose root is compared with each signed checkpoint as the size passes it, and at the end with the
 * head. Then every stored interior node is checked against its two children (two cursors over the
 * node table), and finally that no entry is outside both the tree and the queue.
 *
 * <p>Limits: an entry rewritten consistently (text, leaf hash, nodes and head) is caught only by
 * the first checkpoint after it, so the entry named is the first one after the last checkpoint that
 * still matches; entries after the latest checkpoint are not protected against such a rewrite. An
 * attacker holding the signing key can rewrite anything; auditors should keep checkpoints
 * themselves.
 */
@Component
public class DatabaseLogVerifier {

  private static final int FETCH_SIZE = 1000;

  private final MerkleTreeStore store;
  private final DataSource dataSource;
  private final TransactionTemplate tx;
  private final CheckpointVerifier checkpointVerifier;
  private final Clock clock;

  public DatabaseLogVerifier(
      MerkleTreeStore store,
      DataSource dataSource,
      PlatformTransactionManager transactions,
      CheckpointSigner signer,
      Clock clock) {
    this.store = store;
    this.dataSource = dataSource;
    // Not read-only: it takes the tree head's row lock (see run()). Read committed, because under
    // PostgreSQL's repeatable read a lock taken after the sequencer's commit fails to serialise.
    this.tx = new TransactionTemplate(transactions);
    tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.checkpointVerifier = new CheckpointVerifier(signer.keyName(), signer.publicKeyText());
    this.clock = clock;
  }

  /** Verifies the whole log (joining the caller's transaction if there is one). */
  public LogCheck verify() {
    return tx.execute(s -> run());
  }

  private LogCheck run() {
    // The head's row lock first, the lock every sequencer takes before it appends: while this
    // transaction holds it, no leaf, node, head or checkpoint changes, so every later statement
    // sees the tree at one size whatever the database's snapshot rules (H2 takes a table's
    // snapshot when the transaction first reads that table, so a repeatable-read transaction saw
    // a head newer than its leaves and reported a missing leaf on an intact log). Sequencing waits
    // for the verification; the entries wait in the queue, committed.
    Run run = new Run(store.lockHead(), clock.instant());
    // One statement, so that it sees entries and queue at one instant: an entry is appended to both
    // in one transaction, and only a sequencer (held off by the lock) moves it into the tree.
    Connection connection = DataSourceUtils.getConnection(dataSource);
    String unlogged;
    try {
      unlogged = unlogged(connection);
    } catch (SQLException e) {
      DataSourceUtils.releaseConnection(connection, dataSource);
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }
    List<StoredCheckpoint> checkpoints = store.checkpointsUpTo(Long.MAX_VALUE);
    for (StoredCheckpoint c : checkpoints) {
      CheckpointVerification result = checkpointVerifier.verify(c.note());
      if (result instanceof CheckpointVerification.Rejected rejected) {
        DataSourceUtils.releaseConnection(connection, dataSource);
        return run.broken(
            Problem.CHECKPOINT_SIGNATURE,
            null,
            null,
            "the checkpoint of tree size " + c.treeSize() + ": " + rejected.reason());
      }
      Checkpoint signed = ((CheckpointVerification.Accepted) result).checkpoint();
      if (signed.size() != c.treeSize() || !Arrays.equals(signed.rootHash(), c.rootHash())) {
        DataSourceUtils.releaseConnection(connection, dataSource);
        return run.broken(
            Problem.CHECKPOINT_SIGNATURE,
            null,
            null,
            "the stored size or root of checkpoint " + c.treeSize() + " is not what it signed");
      }
    }
    try {
      LogCheck broken = leaves(connection, run, checkpoints);
      if (broken == null) {
        broken = nodes(connection, run);
      }
      if (broken == null && unlogged != null) {
        broken =
            run.broken(
                Problem.ENTRY_NOT_LOGGED,
                null,
                unlogged,
                "entry " + unlogged + " is neither in the tree nor waiting to join it");
      }
      return broken != null ? broken : LogCheck.intact(run.head.size(), run.checked, run.at);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** Streams the leaves, rebuilding the tree; checks rows, leaf hashes, checkpoints and head. */
  private LogCheck leaves(Connection connection, Run run, List<StoredCheckpoint> checkpoints)
      throws SQLException {
    CompactRange range = new CompactRange();
    int next = 0;
    long lastGood = 0;
    String firstAfterGood = null;
    try (PreparedStatement ps =
        connection.prepareStatement(
            """
            select l.leaf_index as leaf_index_, l.entry_id as leaf_entry_, n.hash as leaf_hash_, e.*
            from audit_leaf l
              left join audit_node n on n.level = 0 and n.node_index = l.leaf_index
              left join audit_entry e on e.entry_id = l.entry_id
            where l.leaf_index < ?
            order by l.leaf_index
            """)) {
      ps.setFetchSize(FETCH_SIZE);
      ps.setLong(1, run.head.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long index = rs.getLong("leaf_index_");
          String entryId = rs.getString("leaf_entry_");
          long expected = range.size();
          if (index != expected) {
            return run.broken(
                Problem.LEAF_MISSING,
                expected,
                null,
                "there is no leaf " + expected + "; the next stored leaf is " + index);
          }
          if (index == lastGood) {
            firstAfterGood = entryId;
          }
          String canonical = rs.getString("canonical");
          if (canonical == null) {
            return run.broken(
                Problem.ENTRY_MISSING,
                index,
                entryId,
                "leaf " + index + " names entry " + entryId + ", which is not in the audit table");
          }
          String recomputed;
          try {
            recomputed = AuditLog.canonical(AuditEntry.fromRow(rs, 0));
          } catch (RuntimeException unreadable) {
            recomputed = null;
          }
          if (!canonical.equals(recomputed)) {
            return run.broken(
                Problem.COLUMNS_CHANGED,
                index,
                entryId,
                "the columns of entry "
                    + entryId
                    + " (leaf "
                    + index
                    + ") differ from its hashed text");
          }
          byte[] leaf = MerkleHashes.leafHash(canonical.getBytes(StandardCharsets.UTF_8));
          if (!Arrays.equals(leaf, rs.getBytes("leaf_hash_"))) {
            return run.broken(
                Problem.LEAF_HASH_MISMATCH,
                index,
                entryId,
                "the text of entry "
                    + entryId
                    + " does not hash to the stored hash of leaf "
                    + index
                    + " (edited, or rows moved)");
          }
          range.append(leaf);
          while (next < checkpoints.size() && checkpoints.get(next).treeSize() == range.size()) {
            if (!Arrays.equals(range.root(), checkpoints.get(next).rootHash())) {
              return run.broken(
                  Problem.CHECKPOINT_MISMATCH,
                  lastGood,
                  firstAfterGood,
                  "the entries do not rebuild the signed root of tree size "
                      + range.size()
                      + "; the last checkpoint that still matches is of size "
                      + lastGood
                      + ", so history was rewritten from leaf "
                      + lastGood
                      + " on (the first entry not covered by a matching checkpoint)");
            }
            lastGood = range.size();
            run.checked++;
            next++;
          }
        }
      }
    }
    if (range.size() < run.head.size()) {
      return run.broken(
          Problem.LEAF_MISSING,
          range.size(),
          null,
          "the tree head counts "
              + run.head.size()
              + " leaves but the stored leaves end at "
              + range.size());
    }
    if (next < checkpoints.size()) {
      return run.broken(
          Problem.CHECKPOINT_BEYOND_TREE,
          range.size(),
          null,
          "a checkpoint signed "
              + checkpoints.get(next).treeSize()
              + " entries but the tree holds "
              + range.size()
              + ": the log was truncated");
    }
    if (!Arrays.equals(range.root(), run.head.root())) {
      return run.broken(
          Problem.HEAD_MISMATCH,
          null,
          null,
          "the tree head's root is not the root of its " + range.size() + " leaves");
    }
    return null;
  }

  /**
   * Checks each interior node (level, i) against its children (level - 1, 2i) and (level - 1, 2i +
   * 1), and that every perfect subtree within the head has its node: proofs are built from them.
   */
  private LogCheck nodes(Connection connection, Run run) throws SQLException {
    long size = run.head.size();
    String sql =
        "select level, node_index, hash from audit_node where level > ? order by level, node_index";
    long expected = 0;
    for (int level = 1; (1L << level) <= size; level++) {
      expected += size >>> level;
    }
    long seen = 0;
    try (PreparedStatement parents = connection.prepareStatement(sql);
        PreparedStatement children = connection.prepareStatement(sql)) {
      parents.setFetchSize(FETCH_SIZE);
      children.setFetchSize(FETCH_SIZE);
      parents.setInt(1, 0);
      children.setInt(1, -1);
      try (ResultSet p = parents.executeQuery();
          ResultSet c = children.executeQuery()) {
        boolean hasChild = c.next();
        while (p.next()) {
          int level = p.getInt(1);
          long index = p.getLong(2);
          if ((index + 1) << level > size) {
            continue; // beyond the head: not (yet) part of the tree
          }
          seen++;
          byte[][] pair = new byte[2][];
          for (int k = 0; k < 2; k++) {
            long want = 2 * index + k;
            while (hasChild
                && (c.getInt(1) < level - 1 || c.getInt(1) == level - 1 && c.getLong(2) < want)) {
              hasChild = c.next();
            }
            if (hasChild && c.getInt(1) == level - 1 && c.getLong(2) == want) {
              pair[k] = c.getBytes(3);
            }
          }
          if (pair[0] == null
              || pair[1] == null
              || !Arrays.equals(MerkleHashes.nodeHash(pair[0], pair[1]), p.getBytes(3))) {
            long firstLeaf = index << level;
            return run.broken(
                Problem.NODE_MISMATCH,
                firstLeaf,
                null,
                "stored node (level "
                    + level
                    + ", index "
                    + index
                    + ") over leaves from "
                    + firstLeaf
                    + " is not the hash of its children");
          }
        }
      }
    }
    if (seen != expected) {
      return run.broken(
          Problem.NODE_MISMATCH,
          null,
          null,
          "the tree of "
              + size
              + " leaves needs "
              + expected
              + " interior nodes, "
              + seen
              + " are stored");
    }
    return null;
  }

  /** The first entry (in write order) that is neither a leaf nor queued, or null. */
  private static String unlogged(Connection connection) throws SQLException {
    try (PreparedStatement ps =
            connection.prepareStatement(
                """
                select e.entry_id from audit_entry e
                where not exists (select 1 from audit_leaf l where l.entry_id = e.entry_id)
                  and not exists (select 1 from audit_queue q where q.entry_id = e.entry_id)
                order by e.seq fetch first 1 rows only
                """);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** What one verification has established so far. */
  private static final class Run {
    final MerkleTreeStore.Head head;
    final Instant at;
    int checked;

    Run(MerkleTreeStore.Head head, Instant at) {
      this.head = head;
      this.at = at;
    }

    LogCheck broken(Problem problem, Long leafIndex, String entryId, String detail) {
      return LogCheck.broken(head.size(), checked, problem, leafIndex, entryId, detail, at);
    }
  }
}
