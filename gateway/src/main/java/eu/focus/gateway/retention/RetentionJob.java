package eu.focus.gateway.retention;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One retention pass: for every stored record version with a class past retention ({@link
 * RetentionRules}), removes those classes from the stored content ({@link ContentStripper}) and
 * cancels its unsent deliveries, each version in its own transaction with its RETENTION_APPLIED
 * entry; then writes one RETENTION_RUN entry with the counts, also when there was nothing to do, so
 * the log shows the job ran on schedule. Audit entries are never touched: they hold pseudonyms and
 * codes, not content. Only the instance that wins the slot in {@link JobLock} runs a pass.
 */
@Service
public class RetentionJob {

  /** The job's row in {@code job_lock}. */
  public static final String JOB = "retention";

  static final String ALL_CLASSES = String.join(",", RetentionRules.CLASSES);
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  /**
   * What one pass did.
   *
   * @param classesRemoved per class, how many versions lost it in this pass
   * @param failed versions that could not be processed (logged by id; retried next pass)
   */
  public record Pass(
      Instant slot,
      int versions,
      SortedMap<String, Integer> classesRemoved,
      int deliveriesCancelled,
      int failed) {

    String summary() {
      StringBuilder s = new StringBuilder("slot " + slot + ": " + versions + " version(s)");
      classesRemoved.forEach((c, n) -> s.append(", ").append(c).append(" ").append(n));
      s.append(", ").append(deliveriesCancelled).append(" delivery(ies) cancelled");
      if (failed > 0) {
        s.append(", ").append(failed).append(" failed");
      }
      return s.toString();
    }
  }

  private final RetentionRules rules;
  private final RetentionProperties settings;
  private final RecordStore records;
  private final ContentStripper stripper;
  private final UnsentDeliveries unsent;
  private final JobLock lock;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String owner = "retention-" + UUID.randomUUID();

  public RetentionJob(
      RetentionRules rules,
      RetentionProperties settings,
      RecordStore records,
      ContentStripper stripper,
      UnsentDeliveries unsent,
      JobLock lock,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.rules = rules;
    this.settings = settings;
    this.records = records;
    this.stripper = stripper;
    this.unsent = unsent;
    this.lock = lock;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** A pass outside the schedule (its slot is now); empty when another instance holds the job. */
  public Optional<Pass> runNow() {
    return run(clock.instant());
  }

  /** The pass of one scheduled slot; empty when another instance runs or ran it. */
  public Optional<Pass> run(Instant slot) {
    Instant now = clock.instant();
    if (!lock.claim(JOB, slot, owner, now, now.plus(settings.lease()))) {
      return Optional.empty();
    }
    Counts counts = new Counts();
    try {
      Instant storedBefore = rules.storedBefore(now);
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      StoredRecord after = null;
      List<StoredRecord> page;
      do {
        page =
            records.retentionCandidates(
                storedBefore, today, ALL_CLASSES, after, settings.batchSize());
        for (StoredRecord version : page) {
          apply(version, now, counts);
          after = version;
        }
      } while (page.size() == settings.batchSize());
    } catch (RuntimeException e) {
      counts.failed++;
      LOG.warn("Retention pass stopped: {}", e.getClass().getName());
    } finally {
      Pass pass = new Pass(slot, counts.versions, counts.classes, counts.cancelled, counts.failed);
      counts.pass = pass;
      try {
        tx.executeWithoutResult(
            s ->
                audit.append(
                    system(AuditAction.RETENTION_RUN, pass.failed() == 0 ? "SUCCESS" : "FAILURE")
                        .recipient(null, joined(pass.classesRemoved().keySet()))
                        .reason(pass.summary())));
      } finally {
        lock.release(JOB, owner);
      }
    }
    return Optional.of(counts.pass);
  }

  private void apply(StoredRecord version, Instant now, Counts counts) {
    SortedSet<String> expired = rules.expired(version.createdAt(), version.retentionUntil(), now);
    SortedSet<String> newly = new TreeSet<>(expired);
    newly.removeAll(version.removed());
    if (newly.isEmpty()) {
      return;
    }
    SortedSet<String> removed = new TreeSet<>(version.removed());
    removed.addAll(expired);
    boolean untilPassed =
        version.retentionUntil() != null
            && version.retentionUntil().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC));
    String why =
        untilPassed
            ? "retention: record's retentionUntil " + version.retentionUntil() + " passed"
            : "retention: period passed since stored "
                + LocalDate.ofInstant(version.createdAt(), ZoneOffset.UTC);
    try {
      JsonNode remaining = stripper.without(version.content(), removed);
      Integer cancelled =
          tx.execute(
              s -> {
                if (!records.removeClasses(version, remaining, joined(removed))) {
                  return null; // changed meanwhile (erased, or another pass): nothing to do
                }
                AuditEvent applied =
                    system(AuditAction.RETENTION_APPLIED, "SUCCESS")
                        .record(version.subjectPseudonym(), version.recordId(), version.version())
                        .recipient(null, joined(newly))
                        .reason(why);
                audit.append(applied);
                return unsent.cancel(version, applied.reason(why + "; unsent delivery cancelled"));
              });
      if (cancelled != null) {
        counts.versions++;
        counts.cancelled += cancelled;
        newly.forEach(c -> counts.classes.merge(c, 1, Integer::sum));
      }
    } catch (RuntimeException e) {
      counts.failed++;
      LOG.warn(
          "Retention of record {} version {} failed: {}",
          version.recordId(),
          version.version(),
          e.getClass().getName());
    }
  }

  private static AuditEvent system(AuditAction action, String outcome) {
    return AuditEvent.of(action, outcome).actor(null, "retention-job", "SYSTEM");
  }

  private static String joined(Collection<String> classes) {
    return classes.isEmpty() ? null : String.join(",", classes);
  }

  private static final class Counts {
    int versions;
    int cancelled;
    int failed;
    final SortedMap<String, Integer> classes = new TreeMap<>();
    Pass pass;
  }
}
