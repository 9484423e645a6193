package eu.focus.gateway.channel.console;

import eu.focus.gateway.auditor.AuditorReads;
import eu.focus.gateway.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Writes each console query to the audit log before its results are shown, in the same shape as the
 * REST search (AUDIT_SEARCHED, purpose SUPERVISORY_AUDIT, the filter as reason), marked with
 * channel {@value #CHANNEL} so an auditor can tell the two apart.
 */
@Component
@ConditionalOnConsole
public class ConsoleAudit {

  public static final String CHANNEL = "CONSOLE";

  private final AuditorReads reads;

  public ConsoleAudit(AuditorReads reads) {
    this.reads = reads;
  }

  /**
   * Records that {@code caller} read the log.
   *
   * @param subject the child's pseudonym the query was about, if any
   * @param recordId the record the query was about, if any
   * @param filter what was asked, e.g. {@code subject=psn-… action=DISCLOSED}
   */
  public void searched(Caller caller, String subject, String recordId, String filter) {
    reads.record(caller, CHANNEL, subject, recordId, filter);
  }
}
