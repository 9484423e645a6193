package eu.focus.gateway.api;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.audit.AuditQuery;
import eu.focus.gateway.security.Caller;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditors search the log. Each search is itself written to the log before results return. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {

  private static final Set<String> ACTIONS =
      Arrays.stream(AuditAction.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final AuditQuery query;
  private final AuditLog audit;
  private final TransactionTemplate tx;

  public AuditController(AuditQuery query, AuditLog audit, TransactionTemplate tx) {
    this.query = query;
    this.audit = audit;
    this.tx = tx;
  }

  @GetMapping("/entries")
  public AuditQuery.Page search(
      Caller caller,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String record,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (action != null && !ACTIONS.contains(action)) {
      throw ApiException.of(
          HttpStatus.BAD_REQUEST, "bad-request", "Unknown action; one of " + ACTIONS);
    }
    if (page < 0 || size < 1 || size > 500) {
      throw ApiException.of(
          HttpStatus.BAD_REQUEST, "bad-request", "page must be >= 0 and size 1..500");
    }
    AuditQuery.Criteria criteria =
        new AuditQuery.Criteria(
            subject, record, agency, action, instant(from, "from"), instant(to, "to"), page, size);
    List<String> filter = new ArrayList<>();
    add(filter, "subject", subject);
    add(filter, "record", record);
    add(filter, "agency", agency);
    add(filter, "action", action);
    add(filter, "from", from);
    add(filter, "to", to);
    tx.executeWithoutResult(
        s ->
            audit.append(
                AuditEvent.of(AuditAction.AUDIT_SEARCHED, "SUCCESS")
                    .actor(caller.agencyId(), caller.person(), caller.primaryRole())
                    .justification("SUPERVISORY_AUDIT", null, null)
                    .record(subject, record, null)
                    .reason(String.join(" ", filter))));
    return query.search(criteria);
  }

  private static void add(List<String> filter, String name, String value) {
    if (value != null) {
      filter.add(name + "=" + value);
    }
  }

  private static Instant instant(String text, String name) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.of(
          HttpStatus.BAD_REQUEST,
          "bad-request",
          name + " must be an instant like 2026-11-29T10:00:00Z");
    }
  }
}
