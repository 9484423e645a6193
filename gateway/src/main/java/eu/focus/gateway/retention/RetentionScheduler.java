package eu.focus.gateway.retention;

import eu.focus.gateway.config.FocusProperties;
import eu.focus.gateway.schedule.PeriodicWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Runs {@link RetentionJob} at the times of {@code focus.retention.schedule} (cron, UTC), in every
 * process with the {@code delivery} role (the background-work role). It schedules one slot at a
 * time and hands the job that slot's time, so the instances that fire the same slot agree on it and
 * {@link JobLock} lets exactly one of them run it.
 */
@Component
public class RetentionScheduler extends PeriodicWorker {

  private final RetentionJob job;
  private final CronExpression cron;
  private final Clock clock;

  public RetentionScheduler(
      RetentionJob job, RetentionProperties settings, FocusProperties props, Clock clock) {
    super("focus-retention", 1, cron(settings) != null && props.runs("delivery"), Duration.ZERO);
    this.job = job;
    this.cron = cron(settings);
    this.clock = clock;
  }

  private static CronExpression cron(RetentionProperties settings) {
    String schedule = settings.schedule();
    if ("-".equals(schedule)) {
      return null;
    }
    try {
      return CronExpression.parse(schedule);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "focus.retention.schedule is not a cron expression (six fields, or - for never): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  protected void schedule() {
    ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    if (next == null) {
      return;
    }
    Instant slot = next.toInstant();
    long delay = Math.max(0, Duration.between(clock.instant(), slot).toMillis());
    once("Retention slot " + slot, Duration.ofMillis(delay), () -> runSlot(slot));
  }

  private void runSlot(Instant slot) {
    try {
      job.run(slot);
    } finally {
      schedule(); // the next slot; nothing once stopped
    }
  }
}
