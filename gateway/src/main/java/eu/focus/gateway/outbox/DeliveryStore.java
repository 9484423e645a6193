package eu.focus.gateway.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Workers claim due rows by a compare-and-set on the lease columns, which works
 * the same on H2 and PostgreSQL and lets any number of replicas share the table: a row is worked on
 * by the one worker whose update matched, and a crashed worker's lease simply runs out.
 */
@Repository
public class DeliveryStore {

  private final JdbcClient jdbc;

  public DeliveryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Delivery insert(
      String exchangeId,
      String recordId,
      int recordVersion,
      String recipient,
      Delivery.Kind kind,
      String consentId,
      String revokesDeliveryId,
      Instant now) {
    Delivery d =
        new Delivery(
            UUID.randomUUID().toString(),
            exchangeId,
            recordId,
            recordVersion,
            recipient,
            kind,
            Delivery.Status.PENDING,
            UUID.randomUUID().toString(),
            consentId,
            revokesDeliveryId,
            0,
            now,
            null,
            null,
            now);
    jdbc.sql(
            """
            insert into delivery (delivery_id, exchange_id, record_id, record_version,
              recipient_agency, kind, status, idempotency_key, consent_id, revokes_delivery, attempts,
              next_attempt_at, created_at)
            values (:id, :ex, :rid, :rv, :to, :kind, :status, :key, :consent, :revokes, 0, :next,
              :at)
            """)
        .param("id", d.deliveryId())
        .param("ex", exchangeId)
        .param("rid", recordId)
        .param("rv", recordVersion)
        .param("to", recipient)
        .param("kind", kind.name())
        .param("status", d.status().name())
        .param("key", d.idempotencyKey())
        .param("consent", consentId)
        .param("revokes", revokesDeliveryId)
        .param("next", utc(now))
        .param("at", utc(now))
        .update();
    return d;
  }

  /** Claims up to {@code limit} due deliveries for {@code worker} until {@code leaseUntil}. */
  public List<Delivery> claimDue(String worker, Instant now, Instant leaseUntil, int limit) {
    List<String> candidates =
        jdbc.sql(
                """
                select delivery_id from delivery
                where status = 'PENDING' and next_attempt_at <= :now
                  and (lease_until is null or lease_until < :now)
                order by next_attempt_at fetch first :limit rows only
                """)
            .param("now", utc(now))
            .param("limit", limit)
            .query(String.class)
            .list();
    List<Delivery> claimed = new ArrayList<>();
    for (String id : candidates) {
      int won =
          jdbc.sql(
                  """
                  update delivery set lease_owner = :worker, lease_until = :until
                  where delivery_id = :id and status = 'PENDING'
                    and (lease_until is null or lease_until < :now)
                  """)
              .param("worker", worker)
              .param("until", utc(leaseUntil))
              .param("id", id)
              .param("now", utc(now))
              .update();
      if (won == 1) {
        find(id).ifPresent(claimed::add);
      }
    }
    return claimed;
  }

  /** Marks a claimed delivery delivered; false when it was no longer pending (e.g. cancelled). */
  public boolean markDelivered(String id, Instant now) {
    return jdbc.sql(
                """
                update delivery set status = 'DELIVERED', delivered_at = :now,
                  attempts = attempts + 1, lease_owner = null, lease_until = null, last_error = null
                where delivery_id = :id and status = 'PENDING'
                """)
            .param("now", utc(now))
            .param("id", id)
            .update()
        == 1;
  }

  /** Records a failed attempt and when to try next, or dead-letters it. */
  public boolean markFailed(String id, String error, Instant nextAttempt, boolean deadLetter) {
    return jdbc.sql(
                """
                update delivery set status = :status, attempts = attempts + 1,
                  next_attempt_at = :next, last_error = :error, lease_owner = null, lease_until = null
                where delivery_id = :id and status = 'PENDING'
                """)
            .param("status", deadLetter ? "DEAD_LETTER" : "PENDING")
            .param("next", utc(nextAttempt))
            .param(
                "error", error == null ? null : error.substring(0, Math.min(400, error.length())))
            .param("id", id)
            .update()
        == 1;
  }

  /** Releases a claimed delivery untried until {@code next}; no attempt is counted. */
  /** Holds a delivery without counting an attempt (its recipient's circuit is open). */
  public void postpone(String id, Instant next, String reason) {
    jdbc.sql(
            "update delivery set next_attempt_at = :next, last_error = :reason, lease_owner = null,"
                + " lease_until = null where delivery_id = :id and status = 'PENDING'")
        .param("next", utc(next))
        .param("reason", reason)
        .param("id", id)
        .update();
  }

  public boolean cancel(String id) {
    return jdbc.sql(
                "update delivery set status = 'CANCELLED', lease_owner = null, lease_until = null"
                    + " where delivery_id = :id and status = 'PENDING'")
            .param("id", id)
            .update()
        == 1;
  }

  /**
   * The assessment deliveries of a record version that could still send its content: pending ones,
   * and dead-lettered ones an operator could replay.
   */
  public List<Delivery> unsentAssessments(String recordId, int version) {
    return jdbc.sql(
            """
            select * from delivery where record_id = :r and record_version = :v
              and kind = 'ASSESSMENT' and status in ('PENDING', 'DEAD_LETTER')
            order by created_at, delivery_id
            """)
        .param("r", recordId)
        .param("v", version)
        .query(DeliveryStore::map)
        .list();
  }

  /**
   * Cancels a pending or dead-lettered delivery whose content no longer exists (retention,
   * erasure); false when it was sent or cancelled meanwhile, or when a worker holds it right now:
   * that one may already be on the wire, so the worker records how it ends (a DISCLOSED entry if it
   * was sent), and cancels it itself before any further attempt.
   */
  public boolean cancelUnsent(String id, Instant now) {
    return jdbc.sql(
                """
                update delivery set status = 'CANCELLED', lease_owner = null, lease_until = null
                where delivery_id = :id and status in ('PENDING', 'DEAD_LETTER')
                  and (lease_until is null or lease_until < :now)
                """)
            .param("id", id)
            .param("now", utc(now))
            .update()
        == 1;
  }

  /** Puts a dead-lettered delivery back in the queue with a fresh attempt count. */
  public boolean replay(String id, Instant now) {
    return jdbc.sql(
                """
                update delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now,
                  last_error = null where delivery_id = :id and status = 'DEAD_LETTER'
                """)
            .param("now", utc(now))
            .param("id", id)
            .update()
        == 1;
  }

  public Optional<Delivery> find(String id) {
    return jdbc.sql("select * from delivery where delivery_id = :id")
        .param("id", id)
        .query(DeliveryStore::map)
        .optional();
  }

  public List<Delivery> forExchange(String exchangeId) {
    return jdbc.sql(
            "select * from delivery where exchange_id = :id order by created_at, delivery_id")
        .param("id", exchangeId)
        .query(DeliveryStore::map)
        .list();
  }

  public List<Delivery> byConsent(String consentId, Delivery.Status status, Delivery.Kind kind) {
    return jdbc.sql(
            "select * from delivery where consent_id = :c and status = :s and kind = :k"
                + " order by created_at")
        .param("c", consentId)
        .param("s", status.name())
        .param("k", kind.name())
        .query(DeliveryStore::map)
        .list();
  }

  public List<Delivery> deadLetters() {
    return jdbc.sql("select * from delivery where status = 'DEAD_LETTER' order by created_at")
        .query(DeliveryStore::map)
        .list();
  }

  /** The newest version of a record that was delivered to an agency, if any. */
  public Optional<Integer> latestDeliveredVersion(String recordId, String agency) {
    return jdbc.sql(
            """
            select max(record_version) from delivery where record_id = :r and recipient_agency = :a
              and status = 'DELIVERED' and kind = 'ASSESSMENT'
            """)
        .param("r", recordId)
        .param("a", agency)
        .query(Integer.class)
        .optional();
  }

  /** For every record delivered to an agency: the newest version it received. */
  public Map<String, Integer> latestDeliveredVersions(String agency) {
    Map<String, Integer> latest = new LinkedHashMap<>();
    jdbc.sql(
            """
            select record_id, max(record_version) as version from delivery
            where recipient_agency = :a and status = 'DELIVERED' and kind = 'ASSESSMENT'
            group by record_id
            """)
        .param("a", agency)
        .query((rs, n) -> Map.entry(rs.getString("record_id"), rs.getInt("version")))
        .list()
        .forEach(e -> latest.put(e.getKey(), e.getValue()));
    return latest;
  }

  /** The delivery by which an agency received one version, if it did. */
  public Optional<Delivery> deliveredTo(String recordId, int version, String agency) {
    return jdbc.sql(
            """
            select * from delivery where record_id = :r and record_version = :v
              and recipient_agency = :a and status = 'DELIVERED' and kind = 'ASSESSMENT'
            order by delivered_at desc fetch first 1 rows only
            """)
        .param("r", recordId)
        .param("v", version)
        .param("a", agency)
        .query(DeliveryStore::map)
        .optional();
  }

  static Delivery map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
    return new Delivery(
        rs.getString("delivery_id"),
        rs.getString("exchange_id"),
        rs.getString("record_id"),
        rs.getInt("record_version"),
        rs.getString("recipient_agency"),
        Delivery.Kind.valueOf(rs.getString("kind")),
        Delivery.Status.valueOf(rs.getString("status")),
        rs.getString("idempotency_key"),
        rs.getString("consent_id"),
        rs.getString("revokes_delivery"),
        rs.getInt("attempts"),
        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
        rs.getString("last_error"),
        delivered == null ? null : delivered.toInstant(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
