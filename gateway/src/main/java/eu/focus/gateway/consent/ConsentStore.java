package eu.focus.gateway.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored consents. */
@Repository
public class ConsentStore {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public ConsentStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insert(Consent c, Instant now) {
    try {
      jdbc.sql(
              """
              insert into consent (consent_id, record_id, subject_pseudonym, status, valid_from,
                valid_to, registered_by, content, created_at)
              values (:id, :rid, :subject, :status, :from, :to, :by, :content, :at)
              """)
          .param("id", c.consentId())
          .param("rid", c.recordId())
          .param("subject", c.subjectPseudonym())
          .param("status", c.status())
          .param("from", utc(c.validFrom()))
          .param("to", utc(c.validTo()))
          .param("by", c.registeredBy())
          .param("content", json.writeValueAsString(c.content()))
          .param("at", utc(now))
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Consent> find(String id) {
    return jdbc.sql("select * from consent where consent_id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** Withdraws an active consent; false when it was not active. */
  public boolean withdraw(String id, Instant at) {
    return jdbc.sql(
                "update consent set status = 'WITHDRAWN', withdrawn_at = :at"
                    + " where consent_id = :id and status = 'ACTIVE'")
            .param("at", utc(at))
            .param("id", id)
            .update()
        == 1;
  }

  private Consent map(ResultSet rs, int row) throws SQLException {
    try {
      OffsetDateTime to = rs.getObject("valid_to", OffsetDateTime.class);
      OffsetDateTime withdrawn = rs.getObject("withdrawn_at", OffsetDateTime.class);
      var content =
          (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(rs.getString("content"));
      content.put("status", rs.getString("status"));
      if (withdrawn != null) {
        content.put("withdrawnAt", withdrawn.toInstant().toString());
      }
      return new Consent(
          rs.getString("consent_id"),
          rs.getString("record_id"),
          rs.getString("subject_pseudonym"),
          rs.getString("status"),
          rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
          to == null ? null : to.toInstant(),
          withdrawn == null ? null : withdrawn.toInstant(),
          rs.getString("registered_by"),
          content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime utc(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
