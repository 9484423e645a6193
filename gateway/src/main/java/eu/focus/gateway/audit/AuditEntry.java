package eu.focus.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One audit log entry. It holds pseudonyms and codes, never assessment content: this is checked by
 * {@code AuditContentTest}. Its canonical form ({@link AuditLog#canonical}: sorted-key JSON of
 * every field but {@code seq}) is its leaf in the Merkle log; a field added here must be added
 * there.
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

  /** The entry in an {@code audit_entry} row (a {@code RowMapper}). */
  public static AuditEntry fromRow(ResultSet rs, int row) throws SQLException {
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
