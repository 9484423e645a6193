package eu.focus.gateway.retention;

import eu.focus.gateway.config.FocusProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Runs {@link RetentionJob} at the times of {@code focus.retention.schedule} (cron, UTC), in every
 * process with the {@code delivery} role (the background-work role). It schedules one slot at a
 * time and hands the job that slot's time, so the instances that fire the same slot agree on it and
 * {@link JobLock} lets exactly one of them run it.
 */
@Component
public class RetentionScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionScheduler.class);

  private final RetentionJob job;
  private final CronExpression cron;
  private final boolean enabled;
  private final Clock clock;
  private ScheduledExecutorService executor;

  public RetentionScheduler(
      RetentionJob job, RetentionProperties settings, FocusProperties props, Clock clock) {
    this.job = job;
    String schedule = settings.schedule();
    this.cron = "-".equals(schedule) ? null : parse(schedule);
    this.enabled = cron != null && props.runs("delivery");
    this.clock = clock;
  }

  private static CronExpression parse(String schedule) {
    try {
      return CronExpression.parse(schedule);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "focus.retention.schedule is not a cron expression (six fields, or - for never): "
              + e.getMessage(),
          e);
    }
  }

  private void scheduleNext() {
    ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    if (next == null) {
      return;
    }
    Instant slot = next.toInstant();
    long delay = Math.max(0, Duration.between(clock.instant(), slot).toMillis());
    executor.schedule(() -> runSlot(slot), delay, TimeUnit.MILLISECONDS);
  }

  private void runSlot(Instant slot) {
    try {
      job.run(slot);
    } catch (RuntimeException e) {
      LOG.warn("Retention slot {} failed: {}", slot, e.getClass().getName());
    } finally {
      synchronized (this) {
        if (executor != null) {
          scheduleNext();
        }
      }
    }
  }

  @Override
  public synchronized void start() {
    if (!enabled || executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "focus-retention");
              t.setDaemon(true);
              return t;
            });
    scheduleNext();
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
