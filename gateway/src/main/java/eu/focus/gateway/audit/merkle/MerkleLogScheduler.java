package eu.focus.gateway.audit.merkle;

import eu.focus.gateway.config.FocusProperties;
import eu.focus.gateway.schedule.PeriodicWorker;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link MerkleSequencer} every {@code focus.audit.sequence-interval} and signs a
 * checkpoint every {@code focus.audit.checkpoint-interval}, in every gateway process: the head row
 * lock makes concurrent runs on one database safe, so no instance needs to be elected.
 */
@Component
public class MerkleLogScheduler extends PeriodicWorker {

  private final MerkleSequencer sequencer;
  private final AuditCheckpoints checkpoints;
  private final FocusProperties.Audit settings;

  public MerkleLogScheduler(
      MerkleSequencer sequencer, AuditCheckpoints checkpoints, FocusProperties props) {
    super("audit-merkle", 1, true, Duration.ofSeconds(5));
    this.sequencer = sequencer;
    this.checkpoints = checkpoints;
    this.settings = props.audit();
  }

  @Override
  protected void schedule() {
    Duration sequence = settings.sequenceInterval();
    Duration checkpoint = settings.checkpointInterval();
    // Entries stay queued and are taken on a later run.
    every("Audit sequencing", sequence, sequence, sequencer::sequenceNow);
    every(
        "Audit checkpoint",
        checkpoint,
        checkpoint,
        () -> {
          sequencer.sequenceNow();
          checkpoints.checkpointNow();
        });
  }

  /** The sequencer's and the signer's messages hold sizes and indexes, not content. */
  @Override
  protected String detail(RuntimeException e) {
    return e.getMessage();
  }
}
