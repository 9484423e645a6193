package eu.focus.gateway.audit;

import java.time.Instant;

/**
 * One audit log entry. It holds pseudonyms and codes, never assessment content: this is checked by
 * {@code AuditContentTest}. Its canonical form ({@link AuditLog#canonical}: sorted-key JSON of
 * every field but {@code seq}) is its leaf in the Merkle log; a field added here must be added
 * there.
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
    String channel) {}
