package eu.focus.gateway.audit;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * One audit log entry. It holds pseudonyms and codes, never assessment content: a field added here
 * must not take text from a record (no test checks this for every field; {@code
 * ConsoleEntryControllerTest} only checks that every field shows on the console). Its canonical
 * form ({@link AuditLog#canonical}: sorted-key JSON of every field but {@code seq}) is its leaf in
 * the Merkle log; a field added here must be added to {@link AuditField}, from which that form, the
 * insert and {@link #fromRow} are derived.
 *
 * @param sourceCountry country of the agency the data came from (disclosures and consultations)
 * @param destinationCountry country of the receiving agency
 * @param transferBasis the transfer basis for a recipient outside the EU, when one was recorded
 * @param refersTo the entry this one is about, e.g. the break-the-glass access a review reviews
 */
public record AuditEntry(
    Long seq,
    String entryId,
    Instant occurredAt,
    String actorAgency,
    String actorPerson,
    String actorRole,
    AuditAction action,
    String purpose,
    String legalBasis,
    String consentId,
    String subjectPseudonym,
    String recordId,
    Integer recordVersion,
    String recipientAgency,
    String classes,
    String outcome,
    String reason,
    String correlationId,
    String channel,
    String sourceCountry,
    String destinationCountry,
    String transferBasis,
    String refersTo) {

  private static final Constructor<AuditEntry> CONSTRUCTOR;

  static {
    try {
      CONSTRUCTOR =
          AuditEntry.class.getDeclaredConstructor(
              Arrays.stream(AuditEntry.class.getRecordComponents())
                  .map(RecordComponent::getType)
                  .toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The entry in an {@code audit_entry} row (a {@code RowMapper}): each {@link AuditField} read
   * from its column, in the record's order.
   */
  public static AuditEntry fromRow(ResultSet rs, int row) throws SQLException {
    AuditField[] fields = AuditField.values();
    Object[] values = new Object[fields.length];
    for (AuditField f : fields) {
      values[f.ordinal()] = f.read(rs);
    }
    try {
      return CONSTRUCTOR.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("AuditField does not match AuditEntry", e);
    }
  }
}
