package eu.focus.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
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
        .query(AuditQuery::map)
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
        .query(AuditQuery::map)
        .optional();
  }

  /** Entries that refer to the given one with the given action, oldest first. */
  public List<AuditEntry> referringTo(String entryId, AuditAction action) {
    return jdbc.sql(
            "select * from audit_entry where refers_to = :id and action = :action order by seq")
        .param("id", entryId)
        .param("action", action.name())
        .query(AuditQuery::map)
        .list();
  }

  /** The newest entry of an action whose reason starts with the prefix (e.g. a config part). */
  public Optional<AuditEntry> latest(AuditAction action, String reasonPrefix) {
    return jdbc.sql(
            "select * from audit_entry where action = :action and reason like :prefix"
                + " order by seq desc fetch first 1 rows only")
        .param("action", action.name())
        .param("prefix", reasonPrefix.replace("%", "") + "%")
        .query(AuditQuery::map)
        .optional();
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
                .query(AuditQuery::map)
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

  static AuditEntry map(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getString("entry_id"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor_agency"),
        rs.getString("actor_person"),
        rs.getString("actor_role"),
        AuditAction.valueOf(rs.getString("action")),
        rs.getString("purpose"),
        rs.getString("legal_basis"),
        rs.getString("consent_id"),
        rs.getString("subject_pseudonym"),
        rs.getString("record_id"),
        (Integer) rs.getObject("record_version"),
        rs.getString("recipient_agency"),
        rs.getString("classes"),
        rs.getString("outcome"),
        rs.getString("reason"),
        rs.getString("correlation_id"),
        rs.getString("channel"),
        rs.getString("source_country"),
        rs.getString("destination_country"),
        rs.getString("transfer_basis"),
        rs.getString("refers_to"));
  }
}
