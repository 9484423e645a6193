package eu.focus.gateway.audit.merkle;

import eu.focus.contract.audit.CompactRange;
import eu.focus.contract.audit.CompactRange.Node;
import eu.focus.contract.audit.CompactRange.StoredNode;
import eu.focus.contract.audit.MerkleHashes;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.config.FocusProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed audit entries their leaf indexes: the Merkle tree grows in commit order.
 *
 * <p>{@link AuditLog#append} queues each entry in the business transaction, so only committed
 * entries are ever visible here, and an entry that commits later can never get a lower index than
 * one already sequenced. Each batch is one transaction that first locks the tree head row: several
 * gateway instances sharing a database take turns, and none can append on top of a head another is
 * changing. The batch seeds a {@link CompactRange} from the stored perfect subtrees of the current
 * size (O(log n) nodes in one query), appends the queued entries' leaf hashes, and writes the
 * leaves, the completed nodes, the new head and the queue deletions in JDBC batches.
 */
@Component
public class MerkleSequencer {

  private final MerkleTreeStore store;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final int batchSize;

  @Autowired
  public MerkleSequencer(
      MerkleTreeStore store,
      PlatformTransactionManager transactions,
      Clock clock,
      FocusProperties props) {
    this(store, transactions, clock, props.audit().batchSize());
  }

  /** A sequencer with its own batch size: tests run several against one database. */
  MerkleSequencer(
      MerkleTreeStore store, PlatformTransactionManager transactions, Clock clock, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("focus.audit.batch-size must be at least 1");
    }
    this.store = store;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /**
   * Sequences one batch in one transaction (joining the caller's, if there is one).
   *
   * @return how many entries joined the tree
   */
  public int sequenceBatch() {
    Integer appended = tx.execute(s -> appendQueued());
    return appended == null ? 0 : appended;
  }

  /**
   * Sequences until the queue is empty, batch by batch.
   *
   * @return the tree size afterwards
   */
  public long sequenceNow() {
    while (sequenceBatch() > 0) {
      // next batch
    }
    return store.head().size();
  }

  private int appendQueued() {
    MerkleTreeStore.Head head = store.lockHead();
    List<MerkleTreeStore.Queued> queued = store.queued(batchSize);
    if (queued.isEmpty()) {
      return 0;
    }
    CompactRange range = store.compactRange(head.size());
    if (!Arrays.equals(range.root(), head.root())) {
      // Growing a tree whose stored nodes disagree with its head would bury the damage.
      throw new IllegalStateException(
          "the stored audit tree does not match its head at size "
              + head.size()
              + "; not appending until it is verified");
    }
    List<StoredNode> nodes = new ArrayList<>(queued.size() * 2);
    for (MerkleTreeStore.Queued entry : queued) {
      long index = range.size();
      byte[] leaf = MerkleHashes.leafHash(entry.canonical().getBytes(StandardCharsets.UTF_8));
      nodes.add(new StoredNode(new Node(0, index), leaf));
      nodes.addAll(range.append(leaf));
    }
    store.append(head.size(), queued, nodes);
    store.updateHead(new MerkleTreeStore.Head(range.size(), range.root()), clock.instant());
    return queued.size();
  }
}
