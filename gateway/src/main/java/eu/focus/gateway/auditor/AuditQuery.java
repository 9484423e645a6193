package eu.focus.gateway.auditor;

import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEntry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read side of the audit log, for auditors. Every search is itself audited by the caller. */
@Component
public class AuditQuery {

  private final JdbcClient jdbc;

  public AuditQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Search criteria; null (or empty) fields do not filter.
   *
   * @param agency matches the acting or the receiving agency
   * @param person the acting person (token subject)
   * @param actions any of these actions
   * @param from inclusive
   * @param to exclusive
   */
  public record Criteria(
      String subject,
      String recordId,
      String agency,
      String person,
      List<String> actions,
      String purpose,
      String outcome,
      Instant from,
      Instant to,
      int page,
      int size) {

    public Criteria {
      actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Everything, paged. */
    public static Criteria all(int page, int size) {
      return new Criteria(null, null, null, null, null, null, null, null, null, page, size);
    }

    public Criteria withActions(List<String> actions) {
      return new Criteria(
          subject, recordId, agency, person, actions, purpose, outcome, from, to, page, size);
    }

    public Criteria withSubject(String subject) {
      return new Criteria(
          subject, recordId, agency, person, actions, purpose, outcome, from, to, page, size);
    }

    public Criteria withRecord(String recordId) {
      return new Criteria(
          subject, recordId, agency, person, actions, purpose, outcome, from, to, page, size);
    }

    public Criteria withOutcome(String outcome) {
      return new Criteria(
          subject, recordId, agency, person, actions, purpose, outcome, from, to, page, size);
    }

    public Criteria withPage(int page, int size) {
      return new Criteria(
          subject, recordId, agency, person, actions, purpose, outcome, from, to, page, size);
    }
  }

  public record Page(int page, int size, long total, List<AuditEntry> entries) {}

  public Page search(Criteria c) {
    return search(c, "", Map.of());
  }

  /**
   * Entries that moved data from one country to another: disclosures and reads whose source and
   * destination countries differ, optionally only those to one destination country.
   */
  public Page transfers(Criteria c, String destinationCountry) {
    String extra =
        " and source_country is not null and destination_country is not null"
            + " and source_country <> destination_country";
    Map<String, Object> params = new TreeMap<>();
    if (destinationCountry != null) {
      extra += " and destination_country = :destination";
      params.put("destination", destinationCountry);
    }
    return search(c, extra, params);
  }

  /** How many entries match, to bound an export before it starts. */
  public long count(Criteria c) {
    Where w = where(c, "", Map.of());
    return jdbc.sql("select count(*) from audit_entry" + w.sql)
        .params(w.params)
        .query(Long.class)
        .single();
  }

  public Optional<AuditEntry> find(String entryId) {
    return jdbc.sql("select * from audit_entry where entry_id = :id")
        .param("id", entryId)
        .query(AuditEntry::fromRow)
        .optional();
  }

  /**
   * The entry, its row locked until the transaction ends, so two reviewers of one break-the-glass
   * access queue up instead of both recording a review. (A lock, not a change: the row is never
   * updated.)
   */
  public Optional<AuditEntry> lock(String entryId) {
    return jdbc.sql("select * from audit_entry where entry_id = :id for update")
        .param("id", entryId)
        .query(AuditEntry::fromRow)
        .optional();
  }

  /** Entries that refer to the given one with the given action, oldest first. */
  public List<AuditEntry> referringTo(String entryId, AuditAction action) {
    return jdbc.sql(
            "select * from audit_entry where refers_to = :id and action = :action order by seq")
        .param("id", entryId)
        .param("action", action.name())
        .query(AuditEntry::fromRow)
        .list();
  }

  private Page search(Criteria c, String extra, Map<String, Object> extraParams) {
    Where w = where(c, extra, extraParams);
    long total =
        jdbc.sql("select count(*) from audit_entry" + w.sql)
            .params(w.params)
            .query(Long.class)
            .single();
    List<AuditEntry> entries =
        new ArrayList<>(
            jdbc.sql(
                    "select * from audit_entry"
                        + w.sql
                        + " order by seq offset :offset rows fetch next :size rows only")
                .params(w.params)
                .param("offset", (long) c.page() * c.size())
                .param("size", c.size())
                .query(AuditEntry::fromRow)
                .list());
    return new Page(c.page(), c.size(), total, entries);
  }

  private record Where(String sql, Map<String, Object> params) {}

  private static Where where(Criteria c, String extra, Map<String, Object> extraParams) {
    StringBuilder where = new StringBuilder(" where 1=1");
    Map<String, Object> params = new TreeMap<>();
    equal(where, params, "subject_pseudonym", "subject", c.subject());
    equal(where, params, "record_id", "recordId", c.recordId());
    if (c.agency() != null) {
      where.append(" and (actor_agency = :agency or recipient_agency = :agency)");
      params.put("agency", c.agency());
    }
    equal(where, params, "actor_person", "person", c.person());
    equal(where, params, "purpose", "purpose", c.purpose());
    equal(where, params, "outcome", "outcome", c.outcome());
    if (!c.actions().isEmpty()) {
      where.append(" and action in (:actions)");
      params.put("actions", c.actions());
    }
    if (c.from() != null) {
      where.append(" and occurred_at >= :from");
      params.put("from", OffsetDateTime.ofInstant(c.from(), ZoneOffset.UTC));
    }
    if (c.to() != null) {
      where.append(" and occurred_at < :to");
      params.put("to", OffsetDateTime.ofInstant(c.to(), ZoneOffset.UTC));
    }
    where.append(extra);
    params.putAll(extraParams);
    return new Where(where.toString(), params);
  }

  private static void equal(
      StringBuilder where, Map<String, Object> params, String column, String name, String value) {
    if (value != null) {
      where.append(" and ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }
}
