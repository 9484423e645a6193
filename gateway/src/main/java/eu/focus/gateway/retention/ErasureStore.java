package eu.focus.gateway.retention;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code erasure_request} table. */
@Repository
class ErasureStore {

  private final JdbcClient jdbc;

  ErasureStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Erasure e) {
    jdbc.sql(
            """
            insert into erasure_request (erasure_id, request_reference, subject_pseudonym,
              record_id, reason, requested_by, requested_at, versions_erased, deliveries_cancelled)
            values (:id, :ref, :subject, :record, :reason, :by, :at, :versions, :cancelled)
            """)
        .param("id", e.erasureId())
        .param("ref", e.requestReference())
        .param("subject", e.subjectPseudonym())
        .param("record", e.recordId())
        .param("reason", e.reason())
        .param("by", e.requestedBy())
        .param("at", OffsetDateTime.ofInstant(e.requestedAt(), ZoneOffset.UTC))
        .param("versions", e.versionsErased())
        .param("cancelled", e.deliveriesCancelled())
        .update();
  }

  Optional<Erasure> find(String erasureId) {
    return one("erasure_id", erasureId);
  }

  Optional<Erasure> byReference(String requestReference) {
    return one("request_reference", requestReference);
  }

  private Optional<Erasure> one(String column, String value) {
    return jdbc.sql("select * from erasure_request where " + column + " = :v")
        .param("v", value)
        .query(
            (rs, n) ->
                new Erasure(
                    rs.getString("erasure_id"),
                    rs.getString("request_reference"),
                    rs.getString("subject_pseudonym"),
                    rs.getString("record_id"),
                    rs.getString("reason"),
                    rs.getString("requested_by"),
                    rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                    rs.getInt("versions_erased"),
                    rs.getInt("deliveries_cancelled"),
                    List.of()))
        .optional();
  }
}
