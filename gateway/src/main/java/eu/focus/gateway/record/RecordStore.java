package eu.focus.gateway.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Record versions and exchanges. Versions are immutable: a change is a new version. */
@Repository
public class RecordStore {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public RecordStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<StoredRecord> latest(String recordId) {
    return jdbc.sql(
            "select * from assessment_record where record_id = :id order by version desc"
                + " fetch first 1 rows only")
        .param("id", recordId)
        .query(this::map)
        .optional();
  }

  public Optional<StoredRecord> find(String recordId, int version) {
    return jdbc.sql("select * from assessment_record where record_id = :id and version = :v")
        .param("id", recordId)
        .param("v", version)
        .query(this::map)
        .optional();
  }

  /**
   * The latest version of each record an agency authored, newest first, narrowed by the filter's
   * record id, subject pseudonym and stored-at range (each optional).
   */
  public List<StoredRecord> latestAuthoredBy(String agency, RecordFilter filter, int limit) {
    StringBuilder sql =
        new StringBuilder(
            """
            select * from assessment_record r where r.authoring_agency = :agency
              and r.version = (select max(m.version) from assessment_record m
                               where m.record_id = r.record_id)
            """);
    Map<String, Object> params = new HashMap<>();
    params.put("agency", agency);
    filter.appendTo(sql, params);
    sql.append(" order by r.created_at desc fetch first :limit rows only");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  /** Those of the given record versions that pass the filter, newest first. */
  public List<StoredRecord> versions(Map<String, Integer> versions, RecordFilter filter) {
    List<StoredRecord> found = new ArrayList<>();
    versions.forEach(
        (recordId, version) -> {
          StringBuilder sql =
              new StringBuilder(
                  "select * from assessment_record r where r.record_id = :id and r.version = :v");
          Map<String, Object> params = new HashMap<>();
          params.put("id", recordId);
          params.put("v", version);
          filter.appendTo(sql, params);
          jdbc.sql(sql.toString()).params(params).query(this::map).optional().ifPresent(found::add);
        });
    found.sort(Comparator.comparing(StoredRecord::createdAt).reversed());
    return found;
  }

  public void insert(StoredRecord r) {
    jdbc.sql(
            """
            insert into assessment_record (record_id, version, subject_pseudonym, authoring_agency,
              subject_category, status, content, created_at, retention_until)
            values (:id, :v, :subject, :author, :category, :status, :content, :at, :until)
            """)
        .param("id", r.recordId())
        .param("v", r.version())
        .param("subject", r.subjectPseudonym())
        .param("author", r.authoringAgency())
        .param("category", r.subjectCategory())
        .param("status", r.status())
        .param("content", write(r))
        .param("at", utc(r.createdAt()))
        .param("until", r.retentionUntil())
        .update();
  }

  /**
   * Versions whose content may hold a class past retention, oldest first, after the given one
   * (keyset paging, so versions that turn out to have nothing due yet are not read again): stored
   * before {@code storedBefore} or with a {@code retentionUntil} before {@code today}, not erased,
   * and not yet reduced to {@code allRemoved}.
   */
  public List<StoredRecord> retentionCandidates(
      Instant storedBefore, LocalDate today, String allRemoved, StoredRecord after, int limit) {
    StringBuilder sql =
        new StringBuilder(
            """
            select * from assessment_record where content_erased_at is null
              and (removed_classes is null or removed_classes <> :all)
              and (created_at < :before or retention_until < :today)
            """);
    Map<String, Object> params = new HashMap<>();
    params.put("all", allRemoved);
    params.put("before", utc(storedBefore));
    params.put("today", today);
    if (after != null) {
      sql.append(
          """
           and (created_at > :at or (created_at = :at and (record_id > :id
             or (record_id = :id and version > :v))))
          """);
      params.put("at", utc(after.createdAt()));
      params.put("id", after.recordId());
      params.put("v", after.version());
    }
    sql.append(" order by created_at, record_id, version fetch first :limit rows only");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  /**
   * Replaces a version's content with what is left after removing classes; false when the version
   * changed meanwhile (another pass or an erasure got there first), so nothing is done twice.
   */
  public boolean removeClasses(StoredRecord r, JsonNode remaining, String removedClasses) {
    return jdbc.sql(
                """
                update assessment_record set content = :content, removed_classes = :removed
                where record_id = :id and version = :v and content_erased_at is null
                  and coalesce(removed_classes, '') = :before
                """)
            .param("content", writeJson(remaining))
            .param("removed", removedClasses)
            .param("id", r.recordId())
            .param("v", r.version())
            .param("before", r.removedClasses() == null ? "" : r.removedClasses())
            .update()
        == 1;
  }

  /** Every stored version of the child's records, oldest first. */
  public List<StoredRecord> versionsOfSubject(String subjectPseudonym) {
    return jdbc.sql(
            "select * from assessment_record where subject_pseudonym = :s"
                + " order by created_at, record_id, version")
        .param("s", subjectPseudonym)
        .query(this::map)
        .list();
  }

  /** Removes a version's content for an erasure request; false when it was already erased. */
  public boolean erase(StoredRecord r, String erasureId, String removedClasses, Instant now) {
    return jdbc.sql(
                """
                update assessment_record set content = null, content_erased_at = :now,
                  erasure_id = :erasure, removed_classes = :removed
                where record_id = :id and version = :v and content_erased_at is null
                """)
            .param("now", utc(now))
            .param("erasure", erasureId)
            .param("removed", removedClasses)
            .param("id", r.recordId())
            .param("v", r.version())
            .update()
        == 1;
  }

  /** The ids of the records whose versions an erasure request erased. */
  public List<String> erasedBy(String erasureId) {
    return jdbc.sql(
            "select distinct record_id from assessment_record where erasure_id = :e order by"
                + " record_id")
        .param("e", erasureId)
        .query(String.class)
        .list();
  }

  public boolean messageSeen(String messageId) {
    return jdbc.sql("select count(*) from exchange where message_id = :m")
            .param("m", messageId)
            .query(Long.class)
            .single()
        > 0;
  }

  public void insertExchange(ExchangeRow e) {
    jdbc.sql(
            """
            insert into exchange (exchange_id, message_id, record_id, record_version, source_agency,
              purpose, legal_basis, transfer_basis, consent_id, handling, correlation_id, channel,
              created_at)
            values (:id, :msg, :rid, :rv, :src, :purpose, :basis, :transfer, :consent, :handling,
              :corr, :channel, :at)
            """)
        .param("id", e.exchangeId())
        .param("msg", e.messageId())
        .param("rid", e.recordId())
        .param("rv", e.recordVersion())
        .param("src", e.sourceAgency())
        .param("purpose", e.purpose())
        .param("basis", e.legalBasis())
        .param("transfer", e.transferBasis())
        .param("consent", e.consentId())
        .param("handling", e.handling())
        .param("corr", e.correlationId())
        .param("channel", e.channel())
        .param("at", utc(e.createdAt()))
        .update();
  }

  public Optional<ExchangeRow> exchange(String exchangeId) {
    return jdbc.sql("select * from exchange where exchange_id = :id")
        .param("id", exchangeId)
        .query(
            (rs, n) ->
                new ExchangeRow(
                    rs.getString("exchange_id"),
                    rs.getString("message_id"),
                    rs.getString("record_id"),
                    rs.getInt("record_version"),
                    rs.getString("source_agency"),
                    rs.getString("purpose"),
                    rs.getString("legal_basis"),
                    rs.getString("transfer_basis"),
                    rs.getString("consent_id"),
                    rs.getString("handling"),
                    rs.getString("correlation_id"),
                    rs.getString("channel"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  private String write(StoredRecord r) {
    return writeJson(r.content());
  }

  private String writeJson(JsonNode content) {
    try {
      return json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private StoredRecord map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    try {
      String content = rs.getString("content");
      return new StoredRecord(
          rs.getString("record_id"),
          rs.getInt("version"),
          rs.getString("subject_pseudonym"),
          rs.getString("authoring_agency"),
          rs.getString("subject_category"),
          rs.getString("status"),
          content == null ? json.createObjectNode() : json.readTree(content),
          rs.getObject("created_at", OffsetDateTime.class).toInstant(),
          rs.getObject("retention_until", LocalDate.class),
          rs.getString("removed_classes"),
          Optional.ofNullable(rs.getObject("content_erased_at", OffsetDateTime.class))
              .map(OffsetDateTime::toInstant)
              .orElse(null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored record is not JSON", e);
    }
  }

  static OffsetDateTime utc(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  /**
   * The exchange a national system's message already became, if any: each message is taken in once
   * (its id comes from the system or the channel).
   */
  public Optional<String> exchangeOfNationalMessage(String systemId, String messageId) {
    return jdbc.sql(
            "select exchange_id from national_message where system_id = :s and message_id = :m")
        .param("s", systemId)
        .param("m", messageId)
        .query(String.class)
        .optional();
  }

  /**
   * Records which exchange a national system's message became, in the transaction that stores the
   * exchange; the key (system, message id) refuses a second instance taking the same message in.
   */
  public void insertNationalMessage(
      String systemId, String messageId, String exchangeId, Instant receivedAt) {
    jdbc.sql(
            """
            insert into national_message (system_id, message_id, exchange_id, received_at)
            values (:s, :m, :e, :at)
            """)
        .param("s", systemId)
        .param("m", messageId)
        .param("e", exchangeId)
        .param("at", Timestamp.from(receivedAt))
        .update();
  }
}
