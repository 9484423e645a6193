package eu.focus.gateway.auditor;

import eu.focus.contract.CodeLists;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.agency.AgencyDirectory;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEntry;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.config.FocusProperties;
import eu.focus.gateway.consent.Consent;
import eu.focus.gateway.consent.ConsentStore;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.security.Caller;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What auditors ask of the log, one method per question (docs/domain.md, "What an auditor must be
 * able to answer"). Every method first writes its own audit entry (AUDIT_SEARCHED, AUDIT_EXPORTED
 * or BREAK_GLASS_REVIEWED) in its own transaction and only then answers: reading the log is itself
 * logged, even when the answer is empty.
 *
 * <p>Over 400 lines and kept whole on purpose: it is the one list of auditor questions, one short
 * method and answer record per question, so that the questions and their answers read side by side.
 */
@Service
public class AuditorService {

  /** The actions that disclose content to someone: the child's access report lists them. */
  static final List<String> DISCLOSING =
      List.of(
          AuditAction.DISCLOSED.name(),
          AuditAction.CONSULTED.name(),
          AuditAction.BREAK_GLASS.name());

  /** The actions that decide access, with or without a consent. */
  static final List<String> DECIDING =
      List.of(
          AuditAction.DECIDED.name(),
          AuditAction.CONSULTED.name(),
          AuditAction.BREAK_GLASS.name(),
          AuditAction.CANCELLED.name());

  static final List<String> SECURITY =
      List.of(
          AuditAction.AUTH_FAILED.name(),
          AuditAction.ACCESS_DENIED.name(),
          AuditAction.CONFIGURATION_LOADED.name());

  /** An auditor's finding on a break-the-glass access. */
  public static final Set<String> FINDINGS = Set.of("JUSTIFIED", "UNJUSTIFIED", "ESCALATED");

  public record Actor(String agency, String person, String role) {}

  /** One disclosure or consultation about a child, in the terms of GDPR Art. 15 / LED Art. 14. */
  public record Disclosure(
      String entryId,
      Instant occurredAt,
      String action,
      String recordId,
      Integer recordVersion,
      List<String> classes,
      String recipientAgency,
      String recipientCountry,
      Actor actor,
      String purpose,
      String legalBasis,
      String consentId,
      String transferBasis,
      String channel,
      String breakGlassReason) {}

  public record DisclosureReport(
      String subject, int page, int size, long total, List<Disclosure> disclosures) {}

  /** A consent as it stood at the moment of a decision. */
  public record ConsentAtTheTime(
      String consentId,
      String state,
      boolean valid,
      Instant validFrom,
      Instant validTo,
      Instant withdrawnAt) {}

  /** One permit or deny (routing decision, read, break-the-glass, cancellation on re-check). */
  public record DecisionView(
      String entryId,
      Instant occurredAt,
      String action,
      String outcome,
      Integer recordVersion,
      String agency,
      String rule,
      String reason,
      String purpose,
      String legalBasis,
      ConsentAtTheTime consent) {}

  public record DecisionReport(String recordId, long total, List<DecisionView> decisions) {}

  /** One transfer of data from one country to another. */
  public record Transfer(
      String entryId,
      Instant occurredAt,
      String action,
      String subject,
      String recordId,
      Integer recordVersion,
      List<String> classes,
      String actorAgency,
      String recipientAgency,
      String sourceCountry,
      String destinationCountry,
      boolean outsideEu,
      String purpose,
      String legalBasis,
      String transferBasis) {}

  public record TransferPage(int page, int size, long total, List<Transfer> transfers) {}

  public record Review(String entryId, Instant occurredAt, Actor reviewer, String finding) {}

  public record BreakGlassAccess(
      String entryId,
      Instant occurredAt,
      String outcome,
      Actor actor,
      String subject,
      String recordId,
      Integer recordVersion,
      List<String> classes,
      String reason,
      Review review) {}

  public record BreakGlassPage(int page, int size, long total, List<BreakGlassAccess> accesses) {}

  private final AuditQuery query;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final AuditorReads reads;
  private final ConsentStore consents;
  private final AgencyDirectory agencies;
  private final CodeLists codeLists;
  private final int exportMax;

  public AuditorService(
      AuditQuery query,
      AuditLog audit,
      TransactionTemplate tx,
      AuditorReads reads,
      ConsentStore consents,
      AgencyDirectory agencies,
      CodeLists codeLists,
      FocusProperties props) {
    this.query = query;
    this.audit = audit;
    this.tx = tx;
    this.reads = reads;
    this.consents = consents;
    this.agencies = agencies;
    this.codeLists = codeLists;
    this.exportMax = props.auditor().exportMaxEntries();
  }

  /** Questions 1-3: any entries by the filters, paged. */
  public AuditQuery.Page search(Caller caller, AuditQuery.Criteria c, String filter) {
    searched(caller, c.subject(), c.recordId(), "entries " + filter);
    return query.search(c);
  }

  /** Question 7: every disclosure and consultation about one child. */
  public DisclosureReport disclosures(Caller caller, String subject, int page, int size) {
    return disclosures(caller, subject, page, size, null);
  }

  /**
   * Question 7 as asked through another channel than the REST API.
   *
   * @param channel recorded in the audit entry of the read (e.g. CONSOLE); null for the API
   */
  public DisclosureReport disclosures(
      Caller caller, String subject, int page, int size, String channel) {
    searched(caller, subject, null, "child disclosure report", channel);
    AuditQuery.Page p =
        query.search(
            AuditQuery.Criteria.all(page, size)
                .withSubject(subject)
                .withActions(DISCLOSING)
                .withOutcome("SUCCESS"));
    return new DisclosureReport(
        subject, page, size, p.total(), p.entries().stream().map(this::disclosure).toList());
  }

  /**
   * Question 4: every permit and deny about a record, each with the consent it relied on as it
   * stood at that moment.
   */
  public DecisionReport decisions(Caller caller, String recordId, int size) {
    searched(caller, null, recordId, "decision report");
    AuditQuery.Page p =
        query.search(AuditQuery.Criteria.all(0, size).withRecord(recordId).withActions(DECIDING));
    return new DecisionReport(
        recordId, p.total(), p.entries().stream().map(this::decision).toList());
  }

  /** Question 6: data that crossed a border, with destination and legal mechanism. */
  public TransferPage transfers(
      Caller caller, AuditQuery.Criteria c, String destination, String filter) {
    searched(caller, null, null, "transfers " + filter);
    AuditQuery.Page p =
        query.transfers(c.withActions(DISCLOSING).withOutcome("SUCCESS"), destination);
    return new TransferPage(
        p.page(), p.size(), p.total(), p.entries().stream().map(this::transfer).toList());
  }

  /** Question 9: failed authentication, authorisation denials, configuration loaded. */
  public AuditQuery.Page securityEvents(Caller caller, AuditQuery.Criteria c, String filter) {
    searched(caller, null, null, "security events " + filter);
    return query.search(c.withActions(SECURITY));
  }

  /** Question 5: every break-the-glass access, with its review if there is one. */
  public BreakGlassPage breakGlass(Caller caller, AuditQuery.Criteria c, String filter) {
    searched(caller, c.subject(), c.recordId(), "break-glass " + filter);
    AuditQuery.Page p = query.search(c.withActions(List.of(AuditAction.BREAK_GLASS.name())));
    return new BreakGlassPage(
        p.page(), p.size(), p.total(), p.entries().stream().map(this::breakGlass).toList());
  }

  /**
   * Records an auditor's finding on one break-the-glass access, once: 404 when the entry is not a
   * break-the-glass access, 409 when it was reviewed already.
   */
  public Review review(Caller caller, String entryId, String finding) {
    return tx.execute(
        s -> {
          AuditEntry access =
              query
                  .lock(entryId)
                  .filter(e -> e.action() == AuditAction.BREAK_GLASS)
                  .orElseThrow(() -> ApiException.notFound("Break-the-glass access " + entryId));
          if (!query.referringTo(entryId, AuditAction.BREAK_GLASS_REVIEWED).isEmpty()) {
            throw ApiException.of(
                HttpStatus.CONFLICT, "conflict", "This access was reviewed already");
          }
          String reviewId =
              audit.append(
                  AuditEvent.of(AuditAction.BREAK_GLASS_REVIEWED, "SUCCESS")
                      .actor(caller.agencyId(), caller.person(), caller.primaryRole())
                      .justification(AuditorReads.PURPOSE, null, null)
                      .record(access.subjectPseudonym(), access.recordId(), access.recordVersion())
                      .reason(finding)
                      .refersTo(entryId));
          AuditEntry written = query.find(reviewId).orElseThrow();
          return new Review(reviewId, written.occurredAt(), actor(written), finding);
        });
  }

  /**
   * The entries of an export, after recording it: refused (and recorded as refused) when more match
   * than one export may hold.
   */
  public List<AuditEntry> export(
      Caller caller, AuditQuery.Criteria c, String format, String filter) {
    return export(caller, c, format, filter, null);
  }

  /**
   * An export asked through another channel than the REST API, with the same cap.
   *
   * @param channel recorded in the AUDIT_EXPORTED entry (e.g. CONSOLE); null for the API
   */
  public List<AuditEntry> export(
      Caller caller, AuditQuery.Criteria c, String format, String filter, String channel) {
    long matching = query.count(c);
    boolean tooMany = matching > exportMax;
    reads.exported(
        caller,
        channel,
        tooMany,
        c.subject(),
        c.recordId(),
        format + " " + matching + " entries " + filter);
    if (tooMany) {
      throw ApiException.of(
          HttpStatus.BAD_REQUEST,
          "export-too-large",
          matching
              + " entries match; one export holds at most "
              + exportMax
              + ". Narrow the filters (e.g. from/to) and export in parts.");
    }
    return query.search(c.withPage(0, exportMax)).entries();
  }

  // ---- mapping ----------------------------------------------------------------------------------

  private Disclosure disclosure(AuditEntry e) {
    String recipient = e.recipientAgency() != null ? e.recipientAgency() : e.actorAgency();
    return new Disclosure(
        e.entryId(),
        e.occurredAt(),
        e.action().name(),
        e.recordId(),
        e.recordVersion(),
        classes(e.classes()),
        recipient,
        e.destinationCountry() != null ? e.destinationCountry() : country(recipient),
        actor(e),
        e.purpose(),
        e.legalBasis(),
        e.consentId(),
        e.transferBasis(),
        e.channel(),
        e.action() == AuditAction.BREAK_GLASS ? e.reason() : null);
  }

  private DecisionView decision(AuditEntry e) {
    String agency = e.recipientAgency() != null ? e.recipientAgency() : e.actorAgency();
    String rule = e.reason() == null ? null : e.reason().split(":", 2)[0].trim();
    return new DecisionView(
        e.entryId(),
        e.occurredAt(),
        e.action().name(),
        e.outcome(),
        e.recordVersion(),
        agency,
        rule,
        e.reason(),
        e.purpose(),
        e.legalBasis(),
        e.consentId() == null ? null : consentAt(e.consentId(), e.occurredAt()));
  }

  /**
   * The consent's state at an instant, from its validity period and withdrawal time (withdrawal
   * takes effect from then on, GDPR 7(3)); NOT_FOUND when the reference names no consent.
   */
  private ConsentAtTheTime consentAt(String consentId, Instant at) {
    Optional<Consent> found = consents.find(consentId);
    if (found.isEmpty()) {
      return new ConsentAtTheTime(consentId, "NOT_FOUND", false, null, null, null);
    }
    Consent c = found.get();
    String state;
    if (c.withdrawnAt() != null && !at.isBefore(c.withdrawnAt())) {
      state = "WITHDRAWN";
    } else if (at.isBefore(c.validFrom())) {
      state = "NOT_YET_VALID";
    } else if (c.validTo() != null && !at.isBefore(c.validTo())) {
      state = "EXPIRED";
    } else {
      state = "ACTIVE";
    }
    return new ConsentAtTheTime(
        consentId, state, "ACTIVE".equals(state), c.validFrom(), c.validTo(), c.withdrawnAt());
  }

  private Transfer transfer(AuditEntry e) {
    return new Transfer(
        e.entryId(),
        e.occurredAt(),
        e.action().name(),
        e.subjectPseudonym(),
        e.recordId(),
        e.recordVersion(),
        classes(e.classes()),
        e.actorAgency(),
        e.recipientAgency() != null ? e.recipientAgency() : e.actorAgency(),
        e.sourceCountry(),
        e.destinationCountry(),
        !codeLists
            .entry("country", e.destinationCountry())
            .map(n -> n.path("eu").asBoolean(false))
            .orElse(false),
        e.purpose(),
        e.legalBasis(),
        e.transferBasis());
  }

  private BreakGlassAccess breakGlass(AuditEntry e) {
    Review review =
        query.referringTo(e.entryId(), AuditAction.BREAK_GLASS_REVIEWED).stream()
            .findFirst()
            .map(r -> new Review(r.entryId(), r.occurredAt(), actor(r), r.reason()))
            .orElse(null);
    return new BreakGlassAccess(
        e.entryId(),
        e.occurredAt(),
        e.outcome(),
        actor(e),
        e.subjectPseudonym(),
        e.recordId(),
        e.recordVersion(),
        classes(e.classes()),
        e.reason(),
        review);
  }

  private static Actor actor(AuditEntry e) {
    return new Actor(e.actorAgency(), e.actorPerson(), e.actorRole());
  }

  private String country(String agencyId) {
    return agencyId == null ? null : agencies.find(agencyId).map(Agency::country).orElse(null);
  }

  /** {@code S1,S2,S4(summary)} as a list; null when the entry names none. */
  static List<String> classes(String classes) {
    return classes == null || classes.isBlank() ? null : Arrays.asList(classes.split(","));
  }

  private void searched(Caller caller, String subject, String recordId, String what) {
    searched(caller, subject, recordId, what, null);
  }

  private void searched(
      Caller caller, String subject, String recordId, String what, String channel) {
    reads.record(caller, channel, subject, recordId, what.strip());
  }
}
