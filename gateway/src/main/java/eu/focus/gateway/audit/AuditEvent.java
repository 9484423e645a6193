package eu.focus.gateway.audit;

/**
 * What a feature tells the audit log; the log adds id, time and the canonical form. Build it with
 * {@link #of(AuditAction, String)} and the {@code with*} methods.
 */
public record AuditEvent(
    AuditAction action,
    String outcome,
    String actorAgency,
    String actorPerson,
    String actorRole,
    String purpose,
    String legalBasis,
    String consentId,
    String subjectPseudonym,
    String recordId,
    Integer recordVersion,
    String recipientAgency,
    String classes,
    String reason,
    String correlationId,
    String channel) {

  public static AuditEvent of(AuditAction action, String outcome) {
    return new AuditEvent(
        action, outcome, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  /** The same facts under another action and outcome (one submission yields several entries). */
  public AuditEvent as(AuditAction action, String outcome) {
    return new AuditEvent(
        action,
        outcome,
        actorAgency,
        actorPerson,
        actorRole,
        purpose,
        legalBasis,
        consentId,
        subjectPseudonym,
        recordId,
        recordVersion,
        recipientAgency,
        classes,
        reason,
        correlationId,
        channel);
  }

  public AuditEvent actor(String agency, String person, String role) {
    return new AuditEvent(
        action,
        outcome,
        agency,
        person,
        role,
        purpose,
        legalBasis,
        consentId,
        subjectPseudonym,
        recordId,
        recordVersion,
        recipientAgency,
        classes,
        reason,
        correlationId,
        channel);
  }

  public AuditEvent justification(String purpose, String legalBasis, String consentId) {
    return new AuditEvent(
        action,
        outcome,
        actorAgency,
        actorPerson,
        actorRole,
        purpose,
        legalBasis,
        consentId,
        subjectPseudonym,
        recordId,
        recordVersion,
        recipientAgency,
        classes,
        reason,
        correlationId,
        channel);
  }

  public AuditEvent record(String subjectPseudonym, String recordId, Integer recordVersion) {
    return new AuditEvent(
        action,
        outcome,
        actorAgency,
        actorPerson,
        actorRole,
        purpose,
        legalBasis,
        consentId,
        subjectPseudonym,
        recordId,
        recordVersion,
        recipientAgency,
        classes,
        reason,
        correlationId,
        channel);
  }

  public AuditEvent recipient(String recipientAgency, String classes) {
    return new AuditEvent(
        action,
        outcome,
        actorAgency,
        actorPerson,
        actorRole,
        purpose,
        legalBasis,
        consentId,
        subjectPseudonym,
        recordId,
        recordVersion,
        recipientAgency,
        classes,
        reason,
        correlationId,
        channel);
  }

  public AuditEvent reason(String reason) {
    return new AuditEvent(
        action,
        outcome,
        actorAgency,
        actorPerson,
        actorRole,
        purpose,
        legalBasis,
        consentId,
        subjectPseudonym,
        recordId,
        recordVersion,
        recipientAgency,
        classes,
        reason,
        correlationId,
        channel);
  }

  public AuditEvent correlation(String correlationId, String channel) {
    return new AuditEvent(
        action,
        outcome,
        actorAgency,
        actorPerson,
        actorRole,
        purpose,
        legalBasis,
        consentId,
        subjectPseudonym,
        recordId,
        recordVersion,
        recipientAgency,
        classes,
        reason,
        correlationId,
        channel);
  }
}
