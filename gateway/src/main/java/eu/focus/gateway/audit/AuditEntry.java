package eu.focus.gateway.audit;

import java.time.Instant;

/**
 * One audit log entry. It holds pseudonyms and codes, never assessment content: this is checked by
 * {@code AuditContentTest}. The {@code canonical} form (sorted-key JSON of every field but {@code
 * seq}) is what a later Merkle tree hashes as a leaf.
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
    String refersTo) {}
