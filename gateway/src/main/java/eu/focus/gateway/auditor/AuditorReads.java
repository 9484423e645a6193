package eu.focus.gateway.auditor;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records that a caller read the audit log: reading the log is itself logged, before the results
 * are shown. Each entry is an {@link AuditAction#AUDIT_SEARCHED} (or {@link
 * AuditAction#AUDIT_EXPORTED}) by the caller, purpose {@value #PURPOSE}, with what was asked as
 * reason, appended in the current transaction or, without one, in its own.
 */
@Component
public class AuditorReads {

  /** The purpose of every auditor read. */
  public static final String PURPOSE = "SUPERVISORY_AUDIT";

  private final AuditLog audit;
  private final TransactionTemplate tx;

  public AuditorReads(AuditLog audit, TransactionTemplate tx) {
    this.audit = audit;
    this.tx = tx;
  }

  /**
   * Records a search; returns the entry's id.
   *
   * @param channel the channel, e.g. CONSOLE; null for the REST API
   * @param what what was asked, e.g. {@code subject=psn-… action=DISCLOSED}
   */
  public String record(Caller caller, String channel, String what) {
    return record(caller, channel, null, null, what);
  }

  /** As {@link #record(Caller, String, String)}, naming the child and record asked about. */
  public String record(
      Caller caller, String channel, String subject, String recordId, String what) {
    return append(
        event(AuditAction.AUDIT_SEARCHED, "SUCCESS", caller)
            .record(subject, recordId, null)
            .reason(what)
            .correlation(null, channel));
  }

  /** Records an export, or its refusal (outcome DENY); returns the entry's id. */
  public String exported(
      Caller caller,
      String channel,
      boolean refused,
      String subject,
      String recordId,
      String what) {
    return append(
        event(AuditAction.AUDIT_EXPORTED, refused ? "DENY" : "SUCCESS", caller)
            .record(subject, recordId, null)
            .reason(what)
            .correlation(null, channel));
  }

  private String append(AuditEvent event) {
    return tx.execute(s -> audit.append(event));
  }

  private static AuditEvent event(AuditAction action, String outcome, Caller caller) {
    return AuditEvent.of(action, outcome)
        .actor(caller.agencyId(), caller.person(), caller.primaryRole())
        .justification(PURPOSE, null, null);
  }
}
