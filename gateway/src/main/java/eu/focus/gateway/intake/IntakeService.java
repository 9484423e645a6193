package eu.focus.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.metrics.FocusMetrics;
import eu.focus.gateway.outbox.Delivery;
import eu.focus.gateway.outbox.DeliveryStore;
import eu.focus.gateway.policy.Decision;
import eu.focus.gateway.policy.PolicyEngine;
import eu.focus.gateway.policy.SubjectCategory;
import eu.focus.gateway.record.ExchangeRow;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import eu.focus.gateway.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a submission from any channel and, in one transaction, stores the record version, the
 * exchange, one policy decision per recipient, the audit entries and one outbox delivery per
 * permitted recipient. Everything that can refuse the submission is checked before the transaction
 * starts, so a refused submission leaves nothing behind.
 *
 * <p>Reading {@link #submit} is reading the submission: {@link SubmissionChecks#check} first, then
 * in the transaction the named steps {@link #storeVersion}, {@link #auditStored} and, per
 * recipient, {@link #decideAndQueue}. Each step can be called alone (IntakeStepsTest).
 */
@Service
public class IntakeService {

  private final SubmissionChecks checks;
  private final RecordStore records;
  private final DeliveryStore deliveries;
  private final PolicyEngine policy;
  private final AuditLog audit;
  private final FocusMetrics metrics;
  private final TransactionTemplate tx;
  private final Clock clock;

  public IntakeService(
      SubmissionChecks checks,
      RecordStore records,
      DeliveryStore deliveries,
      PolicyEngine policy,
      AuditLog audit,
      FocusMetrics metrics,
      TransactionTemplate tx,
      Clock clock) {
    this.checks = checks;
    this.records = records;
    this.deliveries = deliveries;
    this.policy = policy;
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
    return submit(caller, submission, expectedRecordId, channel, null);
  }

  /**
   * As {@link #submit(Caller, JsonNode, String, String)} for a message of a national system: the
   * message is remembered as this exchange in the same transaction, so it is taken in once.
   *
   * @param source the national system and its message id, or null
   */
  public SubmissionResult submit(
      Caller caller,
      JsonNode submission,
      String expectedRecordId,
      String channel,
      SourceMessage source) {
    CheckedSubmission c = checks.check(caller, submission, expectedRecordId);
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
              if (source != null) {
                records.insertNationalMessage(
                    source.systemId(), source.messageId(), exchangeId, now);
              }
              return new SubmissionResult(
                  exchangeId, c.recordId(), c.version(), c.subject(), decisions);
            });
    metrics.received();
    result.decisions().forEach(d -> metrics.decided("PERMIT".equals(d.decision())));
    return result;
  }

  /** The exchange this national message already became, if it was taken in before. */
  public Optional<String> earlierExchange(SourceMessage source) {
    return records.exchangeOfNationalMessage(source.systemId(), source.messageId());
  }

  /** Step 2, in the transaction: the record version (unless re-shared) and the exchange. */
  void storeVersion(
      CheckedSubmission c, String exchangeId, String correlationId, String channel, Instant now) {
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
  AuditEvent auditStored(Caller caller, CheckedSubmission c, String correlationId, String channel) {
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
      CheckedSubmission c, Agency to, AuditEvent base, String exchangeId, Instant now) {
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

  private static String joined(JsonNode arr) {
    List<String> s = new ArrayList<>();
    arr.forEach(n -> s.add(n.asText()));
    return s.isEmpty() ? null : String.join(",", s);
  }
}
