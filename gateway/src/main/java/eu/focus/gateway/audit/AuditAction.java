package eu.focus.gateway.audit;

/**
 * What happened, in the terms of LED Art. 25 and ISO 21089 lifecycle events. Each constant says
 * which FHIR AuditEvent action it becomes (C R U D E) so the later FHIR export is a lookup.
 */
public enum AuditAction {
  /** A record version was received and stored (ISO 21089 originate/receive). */
  COLLECTED("C"),
  /** A new version of an existing record was stored (amend). */
  ALTERED("U"),
  /** A routing decision for one recipient: outcome PERMIT or DENY, reason names the rule. */
  DECIDED("E"),
  /** A copy left the gateway toward a recipient and was accepted (disclose/transmit). */
  DISCLOSED("E"),
  /** A delivery attempt failed and will be retried. */
  DELIVERY_FAILED("E"),
  /** A delivery ran out of attempts. */
  DEAD_LETTERED("E"),
  /** An operator re-queued a dead-lettered delivery. */
  REPLAYED("E"),
  /** A pending delivery was cancelled (consent withdrawn, or denied on re-check). */
  CANCELLED("E"),
  /** A record was read by an agency (consultation). */
  CONSULTED("R"),
  /** A consent was registered. */
  CONSENT_GRANTED("C"),
  /** A consent was withdrawn. */
  CONSENT_WITHDRAWN("U"),
  /** A submission was refused before anything was stored (invalid, not allowed). */
  REJECTED("E"),
  /** An auditor searched the log: reading the log is itself logged. */
  AUDIT_SEARCHED("R"),
  /**
   * Content was erased on request (GDPR Art. 17 / LED Art. 16; ISO 21089 destroy): one entry per
   * record version whose content was removed, and one for the request itself (no record, its reason
   * names the request). The version's row and every audit entry about it stay.
   */
  ERASED("D"),
  /**
   * The retention job removed classes past their period from one record version (ISO 21089 destroy,
   * in part); {@code classes} names the classes removed.
   */
  RETENTION_APPLIED("D"),
  /**
   * One pass of the retention job, written even when it removed nothing, so that an auditor sees it
   * ran on schedule; {@code reason} carries the counts, {@code outcome} SUCCESS or FAILURE.
   */
  RETENTION_RUN("E"),
  /** An auditor exported entries (CSV or FHIR); the reason names the format and the filters. */
  AUDIT_EXPORTED("R"),
  /**
   * A request without a valid token was refused (401). Holds the channel and the method and path
   * without query, never token content. Throttled, see {@code SecurityEventAudit}.
   */
  AUTH_FAILED("E"),
  /** An authenticated caller was refused by its roles (403); the reason names path and rule. */
  ACCESS_DENIED("E"),
  /**
   * The gateway started with a configuration part (policy, agency directory, national system
   * files); the reason holds its SHA-256 and whether it changed since the last start.
   */
  CONFIGURATION_LOADED("E"),
  /**
   * An agency read a record the policy does not give it, declaring an emergency (break the glass):
   * outcome SUCCESS with the reason code, or DENY naming the rule that refused.
   */
  BREAK_GLASS("R"),
  /** An auditor reviewed a break-the-glass access; refers to it, the reason is the finding. */
  BREAK_GLASS_REVIEWED("E");

  private final String fhirAction;

  AuditAction(String fhirAction) {
    this.fhirAction = fhirAction;
  }

  public String fhirAction() {
    return fhirAction;
  }
}
