package eu.focus.gateway.audit;

import eu.focus.gateway.config.FocusProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes security events (AUTH_FAILED, ACCESS_DENIED) in their own transaction, from the filters
 * that refuse a request before any controller runs. It records the channel, the method and the path
 * without query, and for a 403 who was refused; never token content.
 *
 * <p>Anyone can send requests without a valid token, so writing one entry each would let anyone
 * grow the audit log at will. Per action, at most {@code focus.auditor.security-events-per-minute}
 * entries are written per process and minute; the rest are counted, and the first entry of the next
 * minute says how many were left out. An auditor thus still sees that a flood happened and how big
 * it was, without the log taking every request of it.
 */
@Component
public class SecurityEventAudit {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityEventAudit.class);

  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final int perMinute;
  private final Map<AuditAction, Window> windows = new EnumMap<>(AuditAction.class);

  public SecurityEventAudit(
      AuditLog audit, PlatformTransactionManager txManager, Clock clock, FocusProperties props) {
    this.audit = audit;
    this.tx = new TransactionTemplate(txManager);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.perMinute = props.auditor().securityEventsPerMinute();
  }

  /**
   * A failed authentication (no valid token, a failed sign-in): AUTH_FAILED with nobody known to
   * record, throttled like every refusal.
   *
   * @param channel REST, SOAP, FHIR or CONSOLE
   * @param request method and path without query
   */
  public void authFailed(String channel, String request) {
    refused(AuditAction.AUTH_FAILED, null, null, null, channel, request, null);
  }

  /**
   * One refusal.
   *
   * @param agency the refused caller's agency (403); null for a 401
   * @param person the refused caller's token subject (403); null for a 401
   * @param role the refused caller's role (403); null for a 401
   * @param channel REST, SOAP or FHIR
   * @param request method and path without query, e.g. {@code GET /api/v1/audit/entries}
   * @param rule the rule that refused, or null
   */
  public void refused(
      AuditAction action,
      String agency,
      String person,
      String role,
      String channel,
      String request,
      String rule) {
    long leftOut = admit(action);
    if (leftOut < 0) {
      return;
    }
    StringBuilder reason = new StringBuilder(request);
    if (rule != null) {
      reason.append(" rule=").append(rule);
    }
    if (leftOut > 0) {
      reason.append(" (").append(leftOut).append(" more left out in the previous minute)");
    }
    try {
      tx.executeWithoutResult(
          s ->
              audit.append(
                  AuditEvent.of(action, "DENY")
                      .actor(agency, person, role)
                      .reason(reason.toString())
                      .correlation(null, channel)));
    } catch (DataAccessException e) {
      // The refusal stands either way; the log line carries nothing from the request.
      LOG.warn("Could not audit {}: {}", action, e.getClass().getSimpleName());
    }
  }

  /**
   * Whether to write this event: -1 when this minute's allowance is used up (and counts it),
   * otherwise how many were left out in the previous minute (to report once).
   */
  private synchronized long admit(AuditAction action) {
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    Window w = windows.get(action);
    if (w == null || !w.minute.equals(minute)) {
      long carried = w == null ? 0 : w.leftOut + w.carried;
      w = new Window(minute);
      w.carried = carried;
      windows.put(action, w);
    }
    if (w.written >= perMinute) {
      w.leftOut++;
      return -1;
    }
    w.written++;
    long report = w.carried;
    w.carried = 0;
    return report;
  }

  private static final class Window {
    final Instant minute;
    int written;
    long leftOut;
    long carried;

    Window(Instant minute) {
      this.minute = minute;
    }
  }
}
