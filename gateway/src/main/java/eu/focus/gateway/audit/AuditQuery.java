package eu.focus.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
   * Search criteria; null fields do not filter.
   *
   * @param agency matches the acting or the receiving agency
   */
  public record Criteria(
      String subject,
      String recordId,
      String agency,
      String action,
      Instant from,
      Instant to,
      int page,
      int size) {}

  public record Page(int page, int size, long total, List<AuditEntry> entries) {}

  public Page search(Criteria c) {
    StringBuilder where = new StringBuilder(" where 1=1");
    Map<String, Object> params = new TreeMap<>();
    if (c.subject() != null) {
      where.append(" and subject_pseudonym = :subject");
      params.put("subject", c.subject());
    }
    if (c.recordId() != null) {
      where.append(" and record_id = :recordId");
      params.put("recordId", c.recordId());
    }
    if (c.agency() != null) {
      where.append(" and (actor_agency = :agency or recipient_agency = :agency)");
      params.put("agency", c.agency());
    }
    if (c.action() != null) {
      where.append(" and action = :action");
      params.put("action", c.action());
    }
    if (c.from() != null) {
      where.append(" and occurred_at >= :from");
      params.put("from", OffsetDateTime.ofInstant(c.from(), ZoneOffset.UTC));
    }
    if (c.to() != null) {
      where.append(" and occurred_at < :to");
      params.put("to", OffsetDateTime.ofInstant(c.to(), ZoneOffset.UTC));
    }
    long total =
        jdbc.sql("select count(*) from audit_entry" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<AuditEntry> entries =
        new ArrayList<>(
            jdbc.sql(
                    "select * from audit_entry"
                        + where
                        + " order by seq offset :offset rows fetch next :size rows only")
                .params(params)
                .param("offset", (long) c.page() * c.size())
                .param("size", c.size())
                .query(AuditQuery::map)
                .list());
    return new Page(c.page(), c.size(), total, entries);
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
        rs.getString("channel"));
  }
}
