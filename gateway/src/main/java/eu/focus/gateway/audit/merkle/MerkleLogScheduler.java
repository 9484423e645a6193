package eu.focus.gateway.audit.merkle;

import eu.focus.gateway.config.FocusProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link MerkleSequencer} every {@code focus.audit.sequence-interval} and signs a
 * checkpoint every {@code focus.audit.checkpoint-interval}, in every gateway process: the head row
 * lock makes concurrent runs on one database safe, so no instance needs to be elected.
 */
@Component
public class MerkleLogScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MerkleLogScheduler.class);

  private final MerkleSequencer sequencer;
  private final AuditCheckpoints checkpoints;
  private final FocusProperties.Audit settings;
  private ScheduledExecutorService executor;

  public MerkleLogScheduler(
      MerkleSequencer sequencer, AuditCheckpoints checkpoints, FocusProperties props) {
    this.sequencer = sequencer;
    this.checkpoints = checkpoints;
    this.settings = props.audit();
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "audit-merkle");
              t.setDaemon(true);
              return t;
            });
    long sequence = settings.sequenceInterval().toMillis();
    long checkpoint = settings.checkpointInterval().toMillis();
    executor.scheduleWithFixedDelay(this::sequence, sequence, sequence, TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(
        this::checkpoint, checkpoint, checkpoint, TimeUnit.MILLISECONDS);
  }

  private void sequence() {
    try {
      sequencer.sequenceNow();
    } catch (RuntimeException e) {
      // Entries stay queued and are taken on a later run; the message holds sizes, not content.
      LOG.warn("Audit sequencing failed, will retry: {}", e.getMessage());
    }
  }

  private void checkpoint() {
    try {
      sequencer.sequenceNow();
      checkpoints.checkpointNow();
    } catch (RuntimeException e) {
      LOG.warn("Audit checkpoint failed, will retry: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
