package eu.focus.gateway.audit.merkle;

import eu.focus.contract.audit.CompactRange;
import eu.focus.contract.audit.CompactRange.Node;
import eu.focus.contract.audit.CompactRange.StoredNode;
import eu.focus.contract.audit.MerkleHashes;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables of the Merkle log (V3): queue, leaves, perfect-subtree nodes, tree head and
 * checkpoints. Plain SQL that runs on H2 and PostgreSQL; callers own the transactions.
 */
@Component
public class MerkleTreeStore {

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;

  public MerkleTreeStore(JdbcTemplate jdbcTemplate) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = JdbcClient.create(jdbcTemplate);
  }

  /** The tree head: its size and root (the empty-tree hash at size 0). */
  public record Head(long size, byte[] root) {}

  /** A queued entry: its queue position, id and canonical text. */
  public record Queued(long queueSeq, String entryId, String canonical) {}

  /** A kept checkpoint. */
  public record StoredCheckpoint(long treeSize, byte[] rootHash, Instant signedAt, String note) {}

  /** Reads the head and locks its row until the transaction ends: one writer at a time. */
  public Head lockHead() {
    return head(" for update");
  }

  /** Reads the head without locking. */
  public Head head() {
    return head("");
  }

  private Head head(String lock) {
    return jdbc.sql("select tree_size, root_hash from audit_tree_head where id = 1" + lock)
        .query(
            (rs, i) -> {
              byte[] root = rs.getBytes("root_hash");
              return new Head(
                  rs.getLong("tree_size"), root == null ? MerkleHashes.emptyTreeHash() : root);
            })
        .single();
  }

  public void updateHead(Head head, Instant at) {
    jdbc.sql(
            "update audit_tree_head set tree_size = :size, root_hash = :root, updated_at = :at"
                + " where id = 1")
        .param("size", head.size())
        .param("root", head.root())
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update();
  }

  /**
   * Up to {@code max} committed entries waiting for a leaf index, in queue order. Two queries, each
   * driven by an index (queue order, then entry ids): as one join, H2 plans it from the entry table
   * and the batch costs O(log size) no more.
   */
  public List<Queued> queued(int max) {
    List<Map<String, Object>> rows =
        jdbc.sql(
                "select queue_seq, entry_id from audit_queue order by queue_seq"
                    + " fetch first :max rows only")
            .param("max", max)
            .query()
            .listOfRows();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> ids = rows.stream().map(r -> (String) r.get("entry_id")).toList();
    Map<String, String> canonical = new HashMap<>();
    jdbc.sql("select entry_id, canonical from audit_entry where entry_id in (:ids)")
        .param("ids", ids)
        .query(
            rs -> {
              canonical.put(rs.getString(1), rs.getString(2));
            });
    List<Queued> queued = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      String id = (String) row.get("entry_id");
      String text = canonical.get(id);
      if (text == null) {
        throw new IllegalStateException("queued audit entry " + id + " is not in the audit table");
      }
      queued.add(new Queued(((Number) row.get("queue_seq")).longValue(), id, text));
    }
    return queued;
  }

  public long queueLength() {
    return jdbc.sql("select count(*) from audit_queue").query(Long.class).single();
  }

  public boolean isQueued(String entryId) {
    return jdbc.sql("select count(*) from audit_queue where entry_id = :id")
            .param("id", entryId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The hashes of the given nodes that are stored, fetched in one query (O(log n) of them). */
  public Map<Node, byte[]> nodes(Collection<Node> wanted) {
    Map<Node, byte[]> found = new HashMap<>();
    if (wanted.isEmpty()) {
      return found;
    }
    // All nodes in one statement, as a row-value IN list on the primary key. The list is padded
    // (repeating the last node) to a power of two, so that only a handful of statement texts
    // exist and the databases reuse the parsed statement; a statement shaped by each proof's size
    // (first a union of lookups) spent most of a proof's 4.9 ms in H2's parser (bench/README.md).
    List<Node> keys = new ArrayList<>(wanted);
    int slots = Math.max(32, Integer.highestOneBit(keys.size() - 1) << 1);
    while (keys.size() < slots) {
      keys.add(keys.get(keys.size() - 1));
    }
    String sql = NODE_QUERIES.computeIfAbsent(slots, MerkleTreeStore::nodeQuery);
    List<Object> args = new ArrayList<>(2 * slots);
    for (Node node : keys) {
      args.add(node.level());
      args.add(node.index());
    }
    jdbcTemplate.query(
        sql,
        rs -> {
          found.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
        },
        args.toArray());
    return found;
  }

  private static final Map<Integer, String> NODE_QUERIES = new ConcurrentHashMap<>();

  private static String nodeQuery(int slots) {
    return "select level, node_index, hash from audit_node where (level, node_index) in ("
        + String.join(", ", Collections.nCopies(slots, "(?, ?)"))
        + ")";
  }

  /**
   * The stored perfect subtrees of a tree of {@code size} leaves, to seed a {@link CompactRange}.
   */
  public CompactRange compactRange(long size) {
    List<Node> shape = CompactRange.subtrees(size);
    Map<Node, byte[]> hashes = nodes(shape);
    List<byte[]> seed = new ArrayList<>(shape.size());
    for (Node node : shape) {
      byte[] hash = hashes.get(node);
      if (hash == null) {
        throw new IllegalStateException("the audit tree has no stored node " + node);
      }
      seed.add(hash);
    }
    return CompactRange.of(size, seed);
  }

  /**
   * Appends leaves: their index rows, their level-0 hashes and the interior nodes they completed,
   * and takes their entries off the queue, all in JDBC batches.
   */
  public void append(long firstIndex, List<Queued> entries, List<StoredNode> nodes) {
    List<Object[]> leaves = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      leaves.add(new Object[] {firstIndex + i, entries.get(i).entryId()});
    }
    jdbcTemplate.batchUpdate("insert into audit_leaf (leaf_index, entry_id) values (?, ?)", leaves);
    jdbcTemplate.batchUpdate(
        "insert into audit_node (level, node_index, hash) values (?, ?, ?)",
        nodes,
        nodes.size(),
        (PreparedStatement ps, StoredNode n) -> {
          ps.setInt(1, n.node().level());
          ps.setLong(2, n.node().index());
          ps.setBytes(3, n.hash());
        });
    jdbcTemplate.batchUpdate(
        "delete from audit_queue where queue_seq = ?",
        entries,
        entries.size(),
        (PreparedStatement ps, Queued q) -> ps.setLong(1, q.queueSeq()));
  }

  public OptionalLong leafIndex(String entryId) {
    return jdbc.sql("select leaf_index from audit_leaf where entry_id = :id")
        .param("id", entryId)
        .query(Long.class)
        .optional()
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /** The canonical text of the entry at a leaf index, if it has one. */
  public Optional<String> canonicalAt(long leafIndex) {
    return jdbc.sql(
            "select e.canonical from audit_leaf l join audit_entry e on e.entry_id = l.entry_id"
                + " where l.leaf_index = :i")
        .param("i", leafIndex)
        .query(String.class)
        .optional();
  }

  // ---- checkpoints ------------------------------------------------------------------------

  public void insertCheckpoint(StoredCheckpoint c) {
    jdbc.sql(
            "insert into audit_checkpoint (tree_size, root_hash, signed_at, note)"
                + " values (:size, :root, :at, :note)")
        .param("size", c.treeSize())
        .param("root", c.rootHash())
        .param("at", OffsetDateTime.ofInstant(c.signedAt(), ZoneOffset.UTC))
        .param("note", c.note())
        .update();
  }

  public Optional<StoredCheckpoint> latestCheckpoint() {
    return jdbc.sql(
            "select * from audit_checkpoint order by tree_size desc fetch first 1 rows only")
        .query(MerkleTreeStore::checkpoint)
        .optional();
  }

  public Optional<StoredCheckpoint> checkpoint(long treeSize) {
    return jdbc.sql("select * from audit_checkpoint where tree_size = :size")
        .param("size", treeSize)
        .query(MerkleTreeStore::checkpoint)
        .optional();
  }

  /** Checkpoints, latest first. */
  public List<StoredCheckpoint> checkpoints(int page, int size) {
    return jdbc.sql(
            "select * from audit_checkpoint order by tree_size desc"
                + " offset :offset rows fetch next :size rows only")
        .param("offset", (long) page * size)
        .param("size", size)
        .query(MerkleTreeStore::checkpoint)
        .list();
  }

  /** Every checkpoint up to a tree size, smallest first. */
  public List<StoredCheckpoint> checkpointsUpTo(long treeSize) {
    return jdbc.sql("select * from audit_checkpoint where tree_size <= :size order by tree_size")
        .param("size", treeSize)
        .query(MerkleTreeStore::checkpoint)
        .list();
  }

  public long checkpointCount() {
    return jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single();
  }

  private static StoredCheckpoint checkpoint(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new StoredCheckpoint(
        rs.getLong("tree_size"),
        rs.getBytes("root_hash"),
        rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
        rs.getString("note"));
  }
}
