package eu.focus.gateway.audit;

import java.time.Instant;

/**
 * One audit log entry. It holds pseudonyms and codes, never assessment content: a field added here
 * must not take text from a record (no test checks this for every field; {@code
 * ConsoleEntryControllerTest} only checks that every field shows on the console). Its canonical
 * form ({@link AuditLog#canonical}: sorted-key JSON of every field but {@code seq}) is its leaf in
 * the Merkle log; a field added here must be added there.
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
