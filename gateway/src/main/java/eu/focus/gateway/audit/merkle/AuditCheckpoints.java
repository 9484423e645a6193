package eu.focus.gateway.audit.merkle;

import eu.focus.contract.audit.Checkpoint;
import eu.focus.contract.audit.CheckpointSigner;
import eu.focus.gateway.audit.merkle.MerkleTreeStore.StoredCheckpoint;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints of the tree head with the gateway's Ed25519 key and keeps them. Signing happens
 * under the head row lock, so two instances never sign two different trees of one size, and a
 * checkpoint is only made when the tree grew since the last one.
 */
@Component
public class AuditCheckpoints {

  private final MerkleTreeStore store;
  private final CheckpointSigner signer;
  private final TransactionTemplate tx;
  private final Clock clock;

  public AuditCheckpoints(
      MerkleTreeStore store,
      CheckpointSigner signer,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.store = store;
    this.signer = signer;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Signs the current head unless it is empty or already signed.
   *
   * @return the latest checkpoint afterwards; empty while the tree is empty
   */
  public Optional<StoredCheckpoint> checkpointNow() {
    return tx.execute(
        s -> {
          MerkleTreeStore.Head head = store.lockHead();
          Optional<StoredCheckpoint> latest = store.latestCheckpoint();
          if (head.size() == 0 || latest.isPresent() && latest.get().treeSize() >= head.size()) {
            return latest;
          }
          Checkpoint checkpoint =
              new Checkpoint(
                  signer.keyName(),
                  head.size(),
                  head.root(),
                  clock.instant().truncatedTo(ChronoUnit.SECONDS));
          StoredCheckpoint stored =
              new StoredCheckpoint(
                  head.size(), head.root(), checkpoint.timestamp(), signer.sign(checkpoint));
          store.insertCheckpoint(stored);
          return Optional.of(stored);
        });
  }
}
