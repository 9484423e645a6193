package eu.focus.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of an {@link AuditEntry}, defined once, in the record's order: each with its name in
 * the canonical JSON (and the CSV header), its {@code audit_entry} column, how to read it from an
 * entry and from a row. The insert statement, the canonical form and {@link AuditEntry#fromRow} are
 * derived from this list; {@code AuditFieldTest} checks it against the record and the table.
 */
public enum AuditField {
  SEQ("seq", "seq", AuditEntry::seq, (rs, c) -> rs.getLong(c)),
  ENTRY_ID("entryId", "entry_id", AuditEntry::entryId),
  OCCURRED_AT(
      "occurredAt",
      "occurred_at",
      AuditEntry::occurredAt,
      (rs, c) -> rs.getObject(c, OffsetDateTime.class).toInstant()),
  ACTOR_AGENCY("actorAgency", "actor_agency", AuditEntry::actorAgency),
  ACTOR_PERSON("actorPerson", "actor_person", AuditEntry::actorPerson),
  ACTOR_ROLE("actorRole", "actor_role", AuditEntry::actorRole),
  ACTION("action", "action", AuditEntry::action, (rs, c) -> AuditAction.valueOf(rs.getString(c))),
  PURPOSE("purpose", "purpose", AuditEntry::purpose),
  LEGAL_BASIS("legalBasis", "legal_basis", AuditEntry::legalBasis),
  CONSENT_ID("consentId", "consent_id", AuditEntry::consentId),
  SUBJECT_PSEUDONYM("subjectPseudonym", "subject_pseudonym", AuditEntry::subjectPseudonym),
  RECORD_ID("recordId", "record_id", AuditEntry::recordId),
  RECORD_VERSION(
      "recordVersion", "record_version", AuditEntry::recordVersion, (rs, c) -> rs.getObject(c)),
  RECIPIENT_AGENCY("recipientAgency", "recipient_agency", AuditEntry::recipientAgency),
  CLASSES("classes", "classes", AuditEntry::classes),
  OUTCOME("outcome", "outcome", AuditEntry::outcome),
  REASON("reason", "reason", AuditEntry::reason),
  CORRELATION_ID("correlationId", "correlation_id", AuditEntry::correlationId),
  CHANNEL("channel", "channel", AuditEntry::channel),
  SOURCE_COUNTRY("sourceCountry", "source_country", AuditEntry::sourceCountry),
  DESTINATION_COUNTRY("destinationCountry", "destination_country", AuditEntry::destinationCountry),
  TRANSFER_BASIS("transferBasis", "transfer_basis", AuditEntry::transferBasis),
  REFERS_TO("refersTo", "refers_to", AuditEntry::refersTo);

  /** Reads a column of the current row. */
  @FunctionalInterface
  interface Column {
    Object read(ResultSet rs, String column) throws SQLException;
  }

  private final String jsonName;
  private final String column;
  private final Function<AuditEntry, Object> get;
  private final Column read;

  AuditField(String jsonName, String column, Function<AuditEntry, Object> get) {
    this(jsonName, column, get, (rs, c) -> rs.getString(c));
  }

  AuditField(String jsonName, String column, Function<AuditEntry, Object> get, Column read) {
    this.jsonName = jsonName;
    this.column = column;
    this.get = get;
    this.read = read;
  }

  /** The name in the canonical JSON and the CSV header. */
  public String jsonName() {
    return jsonName;
  }

  /** The {@code audit_entry} column. */
  public String column() {
    return column;
  }

  /** The entry's value, as the record holds it. */
  public Object get(AuditEntry entry) {
    return get.apply(entry);
  }

  /** The value in the row's column, as the record holds it. */
  public Object read(ResultSet rs) throws SQLException {
    return read.read(rs, column);
  }

  /**
   * Whether the field is written by the insert and is part of the canonical form: all but {@code
   * seq}, which the database gives and which is the entry's place, not its content.
   */
  public boolean written() {
    return this != SEQ;
  }

  /** The value in the canonical JSON: instants as ISO-8601 text, the action by name. */
  public Object canonical(AuditEntry entry) {
    Object v = get(entry);
    return v instanceof Instant || v instanceof AuditAction ? v.toString() : v;
  }

  /** The value bound to the insert's parameter {@link #jsonName()}. */
  public Object sqlParam(AuditEntry entry) {
    Object v = get(entry);
    if (v instanceof Instant i) {
      return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    return v instanceof AuditAction a ? a.name() : v;
  }

  /** The columns of the insert, the written fields and then {@code canonical}. */
  public static String insertColumns() {
    return Arrays.stream(values())
            .filter(AuditField::written)
            .map(AuditField::column)
            .collect(Collectors.joining(", "))
        + ", canonical";
  }
}
