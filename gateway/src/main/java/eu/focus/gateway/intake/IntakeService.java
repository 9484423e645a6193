package eu.focus.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.CodeLists;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractValidator;
import eu.focus.contract.Violation;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.agency.AgencyDirectory;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.consent.Consent;
import eu.focus.gateway.consent.ConsentStore;
import eu.focus.gateway.metrics.FocusMetrics;
import eu.focus.gateway.outbox.Delivery;
import eu.focus.gateway.outbox.DeliveryStore;
import eu.focus.gateway.policy.Decision;
import eu.focus.gateway.policy.PolicyEngine;
import eu.focus.gateway.policy.SubjectCategory;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.record.ExchangeRow;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import eu.focus.gateway.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a submission from any channel and, in one transaction, stores the record version, the
 * exchange, one policy decision per recipient, the audit entries and one outbox delivery per
 * permitted recipient. Everything that can refuse the submission is checked before the transaction
 * starts, so a refused submission leaves nothing behind.
 *
 * <p>Over 400 lines and kept whole on purpose: its named steps ({@link #check}, {@link
 * #storeVersion}, {@link #auditStored}, {@link #decideAndQueue}) share one transaction and one set
 * of collaborators, and reading them in order is reading the submission.
 */
@Service
public class IntakeService {

  private final ContractValidator validator;
  private final CodeLists codeLists;
  private final AgencyDirectory agencies;
  private final RecordStore records;
  private final ConsentStore consents;
  private final DeliveryStore deliveries;
  private final PolicyEngine policy;
  private final Pseudonymiser pseudonymiser;
  private final AuditLog audit;
  private final FocusMetrics metrics;
  private final TransactionTemplate tx;
  private final Clock clock;

  public IntakeService(
      ContractValidator validator,
      CodeLists codeLists,
      AgencyDirectory agencies,
      RecordStore records,
      ConsentStore consents,
      DeliveryStore deliveries,
      PolicyEngine policy,
      Pseudonymiser pseudonymiser,
      AuditLog audit,
      FocusMetrics metrics,
      TransactionTemplate tx,
      Clock clock) {
    this.validator = validator;
    this.codeLists = codeLists;
    this.agencies = agencies;
    this.records = records;
    this.consents = consents;
    this.deliveries = deliveries;
    this.policy = policy;
    this.pseudonymiser = pseudonymiser;
    this.audit = audit;
    this.metrics = metrics;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * @param expectedRecordId when the channel addresses an existing record (a new version), its id
   * @param channel REST, SOAP, FHIR: recorded in the audit log, nothing else depends on it
   */
  public SubmissionResult submit(
      Caller caller, JsonNode submission, String expectedRecordId, String channel) {
    return submit(caller, submission, expectedRecordId, channel, exchangeId -> {});
  }

  /**
   * As {@link #submit(Caller, JsonNode, String, String)}, and runs {@code alsoInTransaction} with
   * the new exchange id inside the transaction that stores the record, so that a channel's own
   * bookkeeping (e.g. which national message became which exchange) commits or fails with it.
   */
  public SubmissionResult submit(
      Caller caller,
      JsonNode submission,
      String expectedRecordId,
      String channel,
      Consumer<String> alsoInTransaction) {
    Checked c = check(caller, submission, expectedRecordId);
    Instant now = clock.instant();
    String exchangeId = UUID.randomUUID().toString();
    String correlationId = UUID.randomUUID().toString();
    SubmissionResult result =
        tx.execute(
            status -> {
              storeVersion(c, exchangeId, correlationId, channel, now);
              AuditEvent base = auditStored(caller, c, correlationId, channel);
              List<SubmissionResult.RecipientDecision> decisions = new ArrayList<>();
              for (Agency to : c.recipients()) {
                decisions.add(decideAndQueue(c, to, base, exchangeId, now));
              }
              alsoInTransaction.accept(exchangeId);
              return new SubmissionResult(
                  exchangeId, c.recordId(), c.version(), c.subject(), decisions);
            });
    metrics.received();
    result.decisions().forEach(d -> metrics.decided("PERMIT".equals(d.decision())));
    return result;
  }

  /**
   * A submission that passed every check, with what the steps in the transaction need.
   *
   * @param reshare true when it re-shares the latest stored version with new recipients
   * @param stored the record as stored: with the subject's pseudonym
   */
  record Checked(
      JsonNode submission,
      Agency sender,
      List<Agency> recipients,
      String recordId,
      int version,
      Optional<StoredRecord> previous,
      boolean reshare,
      String subject,
      ObjectNode stored,
      String consentRef,
      Optional<Consent> consent,
      String purpose,
      String legalBasis,
      String transferBasis) {}

  /**
   * Step 1, before any transaction: the contract, the caller against the source agency, the
   * address, the envelope, the version and the message id. Refuses with the submission's error;
   * writes nothing but the audit entry of an authorisation refusal.
   */
  Checked check(Caller caller, JsonNode submission, String expectedRecordId) {
    List<Violation> violations = validator.validate(ContractDocument.SUBMISSION, submission);
    if (!violations.isEmpty()) {
      throw ApiException.invalid(violations.size() + " violation(s) of contract v1", violations);
    }
    String sourceAgency = submission.path("sourceAgency").asText();
    if (!sourceAgency.equals(caller.agencyId())) {
      throw refused(
          caller,
          "AUTH-SOURCE-AGENCY",
          "Your token is for " + caller.agencyId() + ", not " + sourceAgency,
          null);
    }
    JsonNode record = submission.path("record");
    String recordId = record.path("recordId").asText();
    if (expectedRecordId != null && !expectedRecordId.equals(recordId)) {
      throw ApiException.invalid(
          "The record id does not match the address",
          List.of(new Violation("/record/recordId", "must be " + expectedRecordId)));
    }
    Agency sender = agencies.find(sourceAgency).orElseThrow();
    List<Agency> recipients = checkEnvelope(submission, sender);

    int version = record.path("version").asInt();
    Optional<StoredRecord> previous = records.latest(recordId);
    boolean reshare = checkVersion(caller, record, version, previous);
    if (records.messageSeen(submission.path("messageId").asText())) {
      throw ApiException.of(
          HttpStatus.CONFLICT, "duplicate-message", "This messageId was already submitted");
    }

    String consentRef = submission.path("consentRef").asText(null);
    Optional<Consent> consent = Optional.ofNullable(consentRef).flatMap(consents::find);
    String subject =
        previous
            .map(StoredRecord::subjectPseudonym)
            .orElseGet(() -> pseudonymiser.pseudonymFor(record));
    ObjectNode stored = record.deepCopy();
    ((ObjectNode) stored.path("child")).put("subjectPseudonym", subject);
    return new Checked(
        submission,
        sender,
        recipients,
        recordId,
        version,
        previous,
        reshare,
        subject,
        stored,
        consentRef,
        consent,
        submission.path("purposeOfUse").asText(),
        submission.path("legalBasis").path("basis").asText(),
        submission.path("legalBasis").path("transferBasis").asText(null));
  }

  /** Step 2, in the transaction: the record version (unless re-shared) and the exchange. */
  void storeVersion(
      Checked c, String exchangeId, String correlationId, String channel, Instant now) {
    JsonNode submission = c.submission();
    String sourceAgency = c.sender().id();
    if (!c.reshare()) {
      records.insert(
          new StoredRecord(
              c.recordId(),
              c.version(),
              c.subject(),
              sourceAgency,
              SubjectCategory.of(c.stored()).name(),
              c.stored().path("assessment").path("status").asText(),
              c.stored(),
              now));
    }
    records.insertExchange(
        new ExchangeRow(
            exchangeId,
            submission.path("messageId").asText(),
            c.recordId(),
            c.version(),
            sourceAgency,
            c.purpose(),
            c.legalBasis(),
            c.transferBasis(),
            c.consentRef(),
            joined(submission.path("handlingConditions")),
            correlationId,
            channel,
            now));
  }

  /**
   * Step 3, in the transaction: COLLECTED for a new version, and ALTERED when it supersedes one;
   * returns the event the per-recipient entries are built on.
   */
  AuditEvent auditStored(Caller caller, Checked c, String correlationId, String channel) {
    AuditEvent base =
        AuditEvent.of(AuditAction.COLLECTED, "SUCCESS")
            .actor(c.sender().id(), caller.person(), caller.primaryRole())
            .justification(c.purpose(), c.legalBasis(), c.consentRef())
            .record(c.subject(), c.recordId(), c.version())
            .correlation(correlationId, channel);
    if (!c.reshare()) {
      audit.append(base);
    }
    if (c.previous().isPresent() && !c.reshare()) {
      audit.append(
          base.as(AuditAction.ALTERED, "SUCCESS")
              .reason("supersedes version " + c.previous().get().version()));
    }
    return base;
  }

  /**
   * Step 4, in the transaction, per recipient: the policy decision, the outbox delivery when
   * permitted, and the DECIDED entry.
   */
  SubmissionResult.RecipientDecision decideAndQueue(
      Checked c, Agency to, AuditEvent base, String exchangeId, Instant now) {
    Decision d =
        policy.decide(
            new PolicyEngine.Request(
                c.sender(),
                to,
                c.stored(),
                c.purpose(),
                c.legalBasis(),
                c.transferBasis(),
                c.consentRef(),
                c.consent(),
                now));
    String deliveryId = null;
    if (d.permitted()) {
      deliveryId =
          deliveries
              .insert(
                  exchangeId,
                  c.recordId(),
                  c.version(),
                  to.id(),
                  Delivery.Kind.ASSESSMENT,
                  c.consentRef(),
                  null,
                  now)
              .deliveryId();
    }
    audit.append(
        base.as(AuditAction.DECIDED, d.permitted() ? "PERMIT" : "DENY")
            .recipient(to.id(), d.permitted() ? d.disclosedClasses() : null)
            .transfer(c.sender().country(), to.country(), c.transferBasis())
            .reason(d.rule() + ": " + d.reason()));
    return new SubmissionResult.RecipientDecision(
        to.id(),
        d.permitted() ? "PERMIT" : "DENY",
        d.rule(),
        d.reason(),
        deliveryId,
        d.permitted() ? d.disclosed() : null,
        d.permitted() && !d.summarised().isEmpty() ? d.summarised() : null,
        d.permitted() ? d.withheld() : null,
        d.handlingFlags().isEmpty() ? null : d.handlingFlags());
  }

  List<Agency> checkEnvelope(JsonNode submission, Agency sender) {
    List<Violation> v = new ArrayList<>();
    if (!codeLists
        .canonical("country", submission.path("sourceCountry").asText())
        .equals(sender.country())) {
      v.add(
          new Violation(
              "/sourceCountry", "must be the country of " + sender.id() + ": " + sender.country()));
    }
    if (!sender
        .id()
        .equals(submission.path("record").path("provenance").path("authoringAgency").asText())) {
      v.add(new Violation("/record/provenance/authoringAgency", "must equal sourceAgency"));
    }
    List<Agency> recipients = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    JsonNode list = submission.path("recipients");
    for (int i = 0; i < list.size(); i++) {
      String id = list.get(i).asText();
      Optional<Agency> a = agencies.find(id);
      if (a.isEmpty()) {
        v.add(new Violation("/recipients/" + i, "unknown agency: " + id));
      } else if (!a.get().canReceive()) {
        v.add(new Violation("/recipients/" + i, "agency " + id + " has no delivery connector"));
      } else if (id.equals(sender.id())) {
        v.add(new Violation("/recipients/" + i, "an agency cannot send to itself"));
      } else if (seen.add(id)) {
        recipients.add(a.get());
      }
    }
    if (!v.isEmpty()) {
      throw ApiException.invalid(v.size() + " violation(s) in the envelope", v);
    }
    return recipients;
  }

  /**
   * Returns true when the submission re-shares the latest stored version (same content) with new
   * recipients, false when it brings a new version; refuses anything else.
   */
  boolean checkVersion(
      Caller caller, JsonNode record, int version, Optional<StoredRecord> previous) {
    JsonNode prevField = record.path("previousVersion");
    if (previous.isEmpty()) {
      if (version != 1 || !prevField.isMissingNode()) {
        throw ApiException.of(
            HttpStatus.CONFLICT,
            "version-conflict",
            "Unknown record: its first version must be 1, without previousVersion");
      }
      return false;
    }
    StoredRecord last = previous.get();
    if (!last.authoringAgency().equals(caller.agencyId())) {
      throw refused(
          caller,
          "OBJ-NOT-AUTHOR",
          "Only the authoring agency may submit this record",
          last.recordId());
    }
    if (last.erased()) {
      // An erasure is final: a new version would bring the erased content back.
      throw ApiException.of(
          HttpStatus.GONE, "erased", "Record " + last.recordId() + " was erased on request");
    }
    if (version == last.version()) {
      ObjectNode stored = last.content().deepCopy();
      ((ObjectNode) stored.path("child")).remove("subjectPseudonym");
      ObjectNode given = record.deepCopy();
      ((ObjectNode) given.path("child")).remove("subjectPseudonym");
      if (stored.equals(given)) {
        return true;
      }
      throw ApiException.of(
          HttpStatus.CONFLICT,
          "version-conflict",
          "Version " + version + " exists with other content; submit version " + (version + 1));
    }
    if (version != last.version() + 1 || prevField.asInt(-1) != last.version()) {
      throw ApiException.of(
          HttpStatus.CONFLICT,
          "version-conflict",
          "The next version of this record is "
              + (last.version() + 1)
              + " with previousVersion "
              + last.version());
    }
    return false;
  }

  /**
   * An authorisation refusal is a security event (docs/domain.md, auditor question 9): it is
   * audited in a transaction of its own, and nothing else is written.
   */
  private ApiException refused(Caller caller, String rule, String detail, String recordId) {
    tx.executeWithoutResult(
        s ->
            audit.append(
                AuditEvent.of(AuditAction.REJECTED, "DENY")
                    .actor(caller.agencyId(), caller.person(), caller.primaryRole())
                    .record(null, recordId, null)
                    .reason(rule)));
    return ApiException.forbidden(rule, detail);
  }

  private static String joined(JsonNode arr) {
    List<String> s = new ArrayList<>();
    arr.forEach(n -> s.add(n.asText()));
    return s.isEmpty() ? null : String.join(",", s);
  }
}
