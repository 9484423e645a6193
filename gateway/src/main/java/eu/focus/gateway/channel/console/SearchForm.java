package eu.focus.gateway.channel.console;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.auditor.AuditQuery;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The search form as submitted: every field a string exactly as typed, so that bad input comes back
 * to the page with a message next to its field instead of a binding failure. Blank means "do not
 * filter".
 */
public record SearchForm(
    String subject,
    String record,
    String agency,
    String person,
    String action,
    String purpose,
    String outcome,
    String from,
    String to,
    String page) {

  static final int MAX_TEXT = 128;

  /** The outcomes an entry can have, as the REST search accepts them. */
  public static final List<String> OUTCOMES = List.of("SUCCESS", "PERMIT", "DENY", "FAILURE");

  private static final Set<String> ACTIONS =
      Arrays.stream(AuditAction.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  /** True once the form was sent: the first visit shows the form only and reads nothing. */
  boolean submitted() {
    return subject != null
        || record != null
        || agency != null
        || person != null
        || action != null
        || purpose != null
        || outcome != null
        || from != null
        || to != null
        || page != null;
  }

  /**
   * What is wrong with the input: field name to message key, in form order; empty when it can run.
   */
  Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    text(errors, "subject", subject);
    text(errors, "record", record);
    text(errors, "agency", agency);
    text(errors, "person", person);
    if (blank(action) != null && !ACTIONS.contains(action)) {
      errors.put("action", "console.search.error.action");
    }
    text(errors, "purpose", purpose);
    if (blank(outcome) != null && !OUTCOMES.contains(outcome)) {
      errors.put("outcome", "console.search.error.outcome");
    }
    Instant f = null;
    Instant t = null;
    try {
      f = instant(from);
    } catch (DateTimeParseException e) {
      errors.put("from", "console.search.error.time");
    }
    try {
      t = instant(to);
    } catch (DateTimeParseException e) {
      errors.put("to", "console.search.error.time");
    }
    if (f != null && t != null && !t.isAfter(f)) {
      errors.put("to", "console.search.error.range");
    }
    if (blank(page) != null && !page.matches("\\d{1,6}")) {
      errors.put("page", "console.search.error.page");
    }
    return errors;
  }

  /** The search this form asks for; call only when {@link #errors()} is empty. */
  AuditQuery.Criteria criteria(int size) {
    return new AuditQuery.Criteria(
        blank(subject),
        blank(record),
        blank(agency),
        blank(person),
        blank(action) == null ? List.of() : List.of(blank(action)),
        blank(purpose),
        blank(outcome),
        fromOrNull(),
        toOrNull(),
        pageNumber(),
        size);
  }

  /** The filters as the audit entry of the read records them: {@code name=value}, in form order. */
  static String filter(AuditQuery.Criteria c) {
    List<String> parts = new ArrayList<>();
    add(parts, "subject", c.subject());
    add(parts, "record", c.recordId());
    add(parts, "agency", c.agency());
    add(parts, "person", c.person());
    add(parts, "action", c.actions().isEmpty() ? null : String.join(",", c.actions()));
    add(parts, "purpose", c.purpose());
    add(parts, "outcome", c.outcome());
    add(parts, "from", c.from());
    add(parts, "to", c.to());
    return String.join(" ", parts);
  }

  private static void add(List<String> parts, String name, Object value) {
    if (value != null) {
      parts.add(name + "=" + value);
    }
  }

  String subjectOrNull() {
    return blank(subject);
  }

  String recordOrNull() {
    return blank(record);
  }

  String agencyOrNull() {
    return blank(agency);
  }

  String actionOrNull() {
    return blank(action);
  }

  Instant fromOrNull() {
    return instant(from);
  }

  Instant toOrNull() {
    return instant(to);
  }

  int pageNumber() {
    return blank(page) == null ? 0 : Integer.parseInt(page);
  }

  /**
   * A time as the browser's datetime-local field sends it ({@code 2026-11-29T10:00}, read as UTC,
   * as the label says) or as an instant ({@code 2026-11-29T10:00:00Z}).
   */
  static Instant instant(String text) {
    String t = blank(text);
    if (t == null) {
      return null;
    }
    if (t.endsWith("Z")) {
      return Instant.parse(t);
    }
    return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
  }

  private static void text(Map<String, String> errors, String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      errors.put(field, "console.search.error.length");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
