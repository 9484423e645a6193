package eu.focus.gateway.audit;

import java.time.Instant;

/**
 * One audit log entry. It holds pseudonyms and codes, never assessment content: this is checked by
 * {@code AuditContentTest}. The {@code canonical} form (sorted-key JSON of every field but {@code
 * seq}) is what a later Merkle tree hashes as a leaf.
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
