package eu.focus.gateway.channel.rest;

import eu.focus.contract.Violation;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.auditor.AuditQuery;
import eu.focus.gateway.problem.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

/**
 * The auditor API's query parameters, read and checked in one pass: every bad or unknown parameter
 * is listed in one 400 problem (pointer = the parameter's name). An unknown parameter is refused
 * rather than ignored, because an auditor who misspells a filter would otherwise read an unfiltered
 * answer as a filtered one.
 */
final class AuditParams {

  static final Set<String> FILTERS =
      Set.of("subject", "record", "agency", "person", "action", "purpose", "outcome", "from", "to");
  static final Set<String> PAGING = Set.of("page", "size");
  static final Set<String> OUTCOMES = Set.of("SUCCESS", "PERMIT", "DENY", "FAILURE");
  static final int MAX_SIZE = 500;

  private static final Set<String> ACTIONS =
      Arrays.stream(AuditAction.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9@._:+-]{1,128}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private final MultiValueMap<String, String> params;
  private final List<Violation> violations = new ArrayList<>();

  private AuditParams(MultiValueMap<String, String> params, Set<String> allowed) {
    this.params = params;
    for (String name : new TreeSet<>(params.keySet())) {
      if (!allowed.contains(name)) {
        violations.add(new Violation(name, "unknown parameter; known: " + new TreeSet<>(allowed)));
      } else if (!"action".equals(name) && params.get(name).size() > 1) {
        violations.add(new Violation(name, "give it once"));
      }
    }
  }

  /** Starts reading; names every parameter the endpoint knows. */
  static AuditParams of(MultiValueMap<String, String> params, Set<String> allowed) {
    return new AuditParams(params, allowed);
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new TreeSet<>(a);
    u.addAll(b);
    return u;
  }

  /** The search criteria of the filters and paging present, checked. */
  AuditQuery.Criteria criteria() {
    List<String> actions = new ArrayList<>();
    for (String a : params.getOrDefault("action", List.of())) {
      for (String one : a.split(",")) {
        if (ACTIONS.contains(one.strip())) {
          actions.add(one.strip());
        } else {
          violations.add(
              new Violation("action", "unknown action; one of " + new TreeSet<>(ACTIONS)));
        }
      }
    }
    String outcome = text("outcome");
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      violations.add(new Violation("outcome", "one of " + new TreeSet<>(OUTCOMES)));
    }
    Instant from = instant("from");
    Instant to = instant("to");
    if (from != null && to != null && !from.isBefore(to)) {
      violations.add(new Violation("to", "must be after from"));
    }
    return new AuditQuery.Criteria(
        text("subject"),
        text("record"),
        text("agency"),
        text("person"),
        actions,
        text("purpose"),
        outcome,
        from,
        to,
        page(),
        size());
  }

  /** An ISO 3166-1 alpha-2 code, or null. */
  String country(String name) {
    String value = one(name);
    if (value != null && !COUNTRY.matcher(value).matches()) {
      violations.add(new Violation(name, "an ISO 3166-1 alpha-2 code like RS"));
      return null;
    }
    return value;
  }

  int page() {
    return integer("page", 0, 0, Integer.MAX_VALUE);
  }

  int size() {
    return integer("size", 50, 1, MAX_SIZE);
  }

  /** Throws the 400 problem when anything was wrong; call after reading every parameter. */
  AuditParams check() {
    if (!violations.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "bad-request",
          "Some query parameters are invalid: see errors",
          null,
          violations);
    }
    return this;
  }

  /** The filters as given, for the audit entry that records the search. */
  String describe() {
    return params.entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
        .collect(Collectors.joining(" "));
  }

  private String text(String name) {
    String value = one(name);
    if (value != null && !TOKEN.matcher(value).matches()) {
      violations.add(new Violation(name, "1-128 characters of A-Z a-z 0-9 @ . _ : + -"));
      return null;
    }
    return value;
  }

  private String one(String name) {
    String value = params.getFirst(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private int integer(String name, int dflt, int min, int max) {
    String value = one(name);
    if (value == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    violations.add(new Violation(name, "an integer " + min + ".." + max));
    return dflt;
  }

  private Instant instant(String name) {
    String value = one(name);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      violations.add(new Violation(name, "an instant like 2026-11-29T10:00:00Z"));
      return null;
    }
  }
}
