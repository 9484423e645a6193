package eu.focus.gateway.auditor;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEntry;
import eu.focus.gateway.audit.merkle.AuditLogService;
import eu.focus.gateway.audit.merkle.LogCheck;
import eu.focus.gateway.retention.RetentionProperties;
import eu.focus.gateway.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Question 8 of docs/domain.md in one answer: did retention run on schedule and were erasures
 * carried out, is the log intact, and is reading it logged. Retention slots are computed from the
 * configured schedule and matched with the RETENTION_RUN entries, so a missed pass shows as a
 * missed slot rather than as an absence the auditor would have to notice. The log is verified anew
 * on every call (a whole pass over the stored log: cost grows with the log).
 */
@Component
public class AccountabilityReport {

  /** Most schedule slots listed for one period, so a per-minute cron cannot blow up an answer. */
  static final int MAX_SLOTS = 1000;

  private static final List<String> READ_ACTIONS =
      List.of(AuditAction.AUDIT_SEARCHED.name(), AuditAction.AUDIT_EXPORTED.name());

  private final AuditQuery query;
  private final AuditorReads reads;
  private final AuditLogService log;
  private final RetentionProperties retention;

  public AccountabilityReport(
      AuditQuery query, AuditorReads reads, AuditLogService log, RetentionProperties retention) {
    this.query = query;
    this.reads = reads;
    this.log = log;
    this.retention = retention;
  }

  /**
   * The answer.
   *
   * @param from start of the period (inclusive)
   * @param to end of the period (exclusive)
   * @param retention the retention schedule and its passes
   * @param erasures every erasure request carried out in the period (its ERASED request entry)
   * @param log the log verified now, with its size and latest signed checkpoint
   * @param reading how many auditor reads the log holds for the period, and this read's own entry
   */
  public record Report(
      Instant from,
      Instant to,
      Retention retention,
      List<AuditEntry> erasures,
      LogState log,
      Reading reading) {}

  /**
   * @param schedule the configured cron (UTC), or "-" when retention is off
   * @param slots the slots the schedule had in the period since the log's first entry (at most
   *     {@value #MAX_SLOTS})
   * @param missed slots with no RETENTION_RUN entry within the job's lease after them
   * @param runs the RETENTION_RUN entries of the period
   * @param onSchedule no slot missed and no pass failed
   */
  public record Retention(
      String schedule,
      List<Instant> slots,
      List<Instant> missed,
      List<AuditEntry> runs,
      boolean onSchedule) {}

  public record LogState(
      LogCheck verification, long treeSize, AuditLogService.CheckpointView latestCheckpoint) {}

  /**
   * @param auditorReads AUDIT_SEARCHED and AUDIT_EXPORTED entries in the period, this one included
   * @param thisRead the entry id under which this very call was logged
   */
  public record Reading(long auditorReads, String thisRead) {}

  public Report answer(Caller caller, Instant from, Instant to) {
    String thisRead = reads.record(caller, null, "accountability from=" + from + " to=" + to);
    List<AuditEntry> runs = all(List.of(AuditAction.RETENTION_RUN.name()), from, to);
    List<AuditEntry> erasures =
        all(List.of(AuditAction.ERASED.name()), from, to).stream()
            .filter(e -> e.recordId() == null) // the request's own entry, not one per version
            .toList();
    long reads = query.search(criteria(READ_ACTIONS, from, to, 0, 1)).total();
    LogCheck check = log.verify();
    AuditLogService.Status status = log.status();
    return new Report(
        from,
        to,
        retention(runs, from, to),
        erasures,
        new LogState(check, status.treeSize(), status.latestCheckpoint()),
        new Reading(reads, thisRead));
  }

  private Retention retention(List<AuditEntry> runs, Instant from, Instant to) {
    String schedule = retention.schedule();
    // slots before the log's first entry are before this gateway ever ran: not missed, not listed
    Instant first =
        query.search(criteria(List.of(), null, null, 0, 1)).entries().stream()
            .findFirst()
            .map(AuditEntry::occurredAt)
            .orElse(to);
    from = first.isAfter(from) ? first : from;
    List<Instant> slots = new ArrayList<>();
    List<Instant> missed = new ArrayList<>();
    if (!"-".equals(schedule)) {
      CronExpression cron = CronExpression.parse(schedule);
      Duration grace = retention.lease();
      ZonedDateTime next = cron.next(from.atZone(ZoneOffset.UTC).minusNanos(1));
      while (next != null && next.toInstant().isBefore(to) && slots.size() < MAX_SLOTS) {
        Instant slot = next.toInstant();
        slots.add(slot);
        boolean ran =
            runs.stream()
                .anyMatch(
                    r ->
                        !r.occurredAt().isBefore(slot)
                            && r.occurredAt().isBefore(slot.plus(grace)));
        // a slot whose grace has not ended yet is not missed (the pass may still be running)
        if (!ran && slot.plus(grace).isBefore(Instant.now())) {
          missed.add(slot);
        }
        next = cron.next(next);
      }
    }
    boolean failed = runs.stream().anyMatch(r -> !"SUCCESS".equals(r.outcome()));
    return new Retention(schedule, slots, missed, runs, missed.isEmpty() && !failed);
  }

  private List<AuditEntry> all(List<String> actions, Instant from, Instant to) {
    List<AuditEntry> entries = new ArrayList<>();
    for (int page = 0; ; page++) {
      AuditQuery.Page p = query.search(criteria(actions, from, to, page, 500));
      entries.addAll(p.entries());
      if (p.entries().size() < 500 || entries.size() >= MAX_SLOTS) {
        return entries;
      }
    }
  }

  private static AuditQuery.Criteria criteria(
      List<String> actions, Instant from, Instant to, int page, int size) {
    return new AuditQuery.Criteria(
        null, null, null, null, actions, null, null, from, to, page, size);
  }
}
