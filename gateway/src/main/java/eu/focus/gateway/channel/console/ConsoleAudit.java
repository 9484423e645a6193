package eu.focus.gateway.channel.console;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes each console query to the audit log before its results are shown, in the same shape as the
 * REST search (AUDIT_SEARCHED, purpose SUPERVISORY_AUDIT, the filter as reason), marked with
 * channel {@value #CHANNEL} so an auditor can tell the two apart.
 */
@Component
@ConditionalOnConsole
public class ConsoleAudit {

  public static final String CHANNEL = "CONSOLE";

  private final AuditLog audit;
  private final TransactionTemplate tx;

  public ConsoleAudit(AuditLog audit, TransactionTemplate tx) {
    this.audit = audit;
    this.tx = tx;
  }

  /**
   * Records that {@code caller} read the log.
   *
   * @param subject the child's pseudonym the query was about, if any
   * @param recordId the record the query was about, if any
   * @param filter what was asked, e.g. {@code subject=psn-… action=DISCLOSED}
   */
  public void searched(Caller caller, String subject, String recordId, String filter) {
    tx.executeWithoutResult(
        s ->
            audit.append(
                AuditEvent.of(AuditAction.AUDIT_SEARCHED, "SUCCESS")
                    .actor(caller.agencyId(), caller.person(), caller.primaryRole())
                    .justification("SUPERVISORY_AUDIT", null, null)
                    .record(subject, recordId, null)
                    .reason(filter)
                    .correlation(null, CHANNEL)));
  }
}
