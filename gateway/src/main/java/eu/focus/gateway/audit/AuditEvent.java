package eu.focus.gateway.audit;

import java.util.function.Consumer;

/**
 * What a feature tells the audit log; the log adds id, time and the canonical form. Start with
 * {@link #of(AuditAction, String)} and add facts with the {@code with}-style methods, each of which
 * returns a new event.
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
    String channel,
    String sourceCountry,
    String destinationCountry,
    String transferBasis,
    String refersTo) {

  public static AuditEvent of(AuditAction action, String outcome) {
    return new Draft().action(action, outcome).event();
  }

  /** The same facts under another action and outcome (one submission yields several entries). */
  public AuditEvent as(AuditAction action, String outcome) {
    return change(d -> d.action(action, outcome));
  }

  /** Who acted: agency, person (token subject), role. */
  public AuditEvent actor(String agency, String person, String role) {
    return change(
        d -> {
          d.actorAgency = agency;
          d.actorPerson = person;
          d.actorRole = role;
        });
  }

  /** Why: purpose of use, legal basis, consent relied on. */
  public AuditEvent justification(String purpose, String legalBasis, String consentId) {
    return change(
        d -> {
          d.purpose = purpose;
          d.legalBasis = legalBasis;
          d.consentId = consentId;
        });
  }

  /** About what: the child's pseudonym and the record version. */
  public AuditEvent record(String subjectPseudonym, String recordId, Integer recordVersion) {
    return change(
        d -> {
          d.subjectPseudonym = subjectPseudonym;
          d.recordId = recordId;
          d.recordVersion = recordVersion;
        });
  }

  /** To whom, and which sensitivity classes. */
  public AuditEvent recipient(String recipientAgency, String classes) {
    return change(
        d -> {
          d.recipientAgency = recipientAgency;
          d.classes = classes;
        });
  }

  /** The rule or cause behind the outcome. */
  public AuditEvent reason(String reason) {
    return change(d -> d.reason = reason);
  }

  /** Which request, over which channel. */
  public AuditEvent correlation(String correlationId, String channel) {
    return change(
        d -> {
          d.correlationId = correlationId;
          d.channel = channel;
        });
  }

  /**
   * Where the data came from and went to (ISO 3166 alpha-2), and the transfer basis relied on for a
   * recipient outside the EU: what auditors need for cross-border transfers.
   */
  public AuditEvent transfer(String sourceCountry, String destinationCountry, String basis) {
    return change(
        d -> {
          d.sourceCountry = sourceCountry;
          d.destinationCountry = destinationCountry;
          d.transferBasis = basis;
        });
  }

  /** The earlier entry this one is about (a review names the access it reviews). */
  public AuditEvent refersTo(String entryId) {
    return change(d -> d.refersTo = entryId);
  }

  private AuditEvent change(Consumer<Draft> edit) {
    Draft d = new Draft(this);
    edit.accept(d);
    return d.event();
  }

  /** Mutable scratch copy, so each method above names only the facts it sets. */
  private static final class Draft {
    AuditAction action;
    String outcome;
    String actorAgency;
    String actorPerson;
    String actorRole;
    String purpose;
    String legalBasis;
    String consentId;
    String subjectPseudonym;
    String recordId;
    Integer recordVersion;
    String recipientAgency;
    String classes;
    String reason;
    String correlationId;
    String channel;
    String sourceCountry;
    String destinationCountry;
    String transferBasis;
    String refersTo;

    Draft() {}

    Draft(AuditEvent e) {
      action = e.action;
      outcome = e.outcome;
      actorAgency = e.actorAgency;
      actorPerson = e.actorPerson;
      actorRole = e.actorRole;
      purpose = e.purpose;
      legalBasis = e.legalBasis;
      consentId = e.consentId;
      subjectPseudonym = e.subjectPseudonym;
      recordId = e.recordId;
      recordVersion = e.recordVersion;
      recipientAgency = e.recipientAgency;
      classes = e.classes;
      reason = e.reason;
      correlationId = e.correlationId;
      channel = e.channel;
      sourceCountry = e.sourceCountry;
      destinationCountry = e.destinationCountry;
      transferBasis = e.transferBasis;
      refersTo = e.refersTo;
    }

    Draft action(AuditAction action, String outcome) {
      this.action = action;
      this.outcome = outcome;
      return this;
    }

    AuditEvent event() {
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
          channel,
          sourceCountry,
          destinationCountry,
          transferBasis,
          refersTo);
    }
  }
}
