package eu.focus.gateway.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractValidator;
import eu.focus.contract.Violation;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.outbox.Delivery;
import eu.focus.gateway.outbox.DeliveryStore;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import eu.focus.gateway.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers and withdraws consents. Withdrawal, in one transaction: the consent is marked
 * withdrawn, every delivery still pending under it is cancelled, and every recipient that already
 * received a record under it gets a revocation notice through the same outbox.
 */
@Service
public class ConsentService {

  /** What a withdrawal did. */
  public record Withdrawal(
      String consentId, Instant withdrawnAt, int cancelledDeliveries, int revocationNotices) {}

  private final ContractValidator validator;
  private final ConsentStore consents;
  private final RecordStore records;
  private final DeliveryStore deliveries;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  public ConsentService(
      ContractValidator validator,
      ConsentStore consents,
      RecordStore records,
      DeliveryStore deliveries,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.validator = validator;
    this.consents = consents;
    this.records = records;
    this.deliveries = deliveries;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  public Consent register(Caller caller, JsonNode document) {
    List<Violation> violations = validator.validate(ContractDocument.CONSENT, document);
    if (!violations.isEmpty()) {
      throw ApiException.invalid(violations.size() + " violation(s) of contract v1", violations);
    }
    String recordId = document.path("recordId").asText();
    StoredRecord record =
        records
            .latest(recordId)
            .filter(r -> r.authoringAgency().equals(caller.agencyId()))
            .orElseThrow(() -> ApiException.notFound("Record " + recordId));
    String consentId = document.path("consentId").asText(UUID.randomUUID().toString());
    if (consents.find(consentId).isPresent()) {
      throw ApiException.of(HttpStatus.CONFLICT, "conflict", "Consent " + consentId + " exists");
    }
    ObjectNode content = document.deepCopy();
    content.put("consentId", consentId);
    content.put("status", Consent.ACTIVE);
    content.remove("withdrawnAt");
    Instant now = clock.instant();
    Consent consent =
        new Consent(
            consentId,
            recordId,
            record.subjectPseudonym(),
            Consent.ACTIVE,
            startOfDay(document.path("period").path("start").asText()),
            document.path("period").hasNonNull("end")
                // the end date is the last day of validity
                ? startOfDay(document.path("period").path("end").asText()).plus(Duration.ofDays(1))
                : null,
            null,
            caller.agencyId(),
            content);
    AuditEvent event =
        AuditEvent.of(AuditAction.CONSENT_GRANTED, "SUCCESS")
            .actor(caller.agencyId(), caller.person(), caller.primaryRole())
            .justification(null, "CONSENT", consentId)
            .record(record.subjectPseudonym(), recordId, record.version())
            .recipient(null, String.join(",", consent.dataScope()));
    if (ConsentRules.grantorIsConflicted(consent, record.content())) {
      tx.executeWithoutResult(
          s ->
              audit.append(
                  event.as(AuditAction.CONSENT_GRANTED, "DENY").reason("HR-CONFLICTED-GUARDIAN")));
      throw ApiException.forbidden(
          "HR-CONFLICTED-GUARDIAN",
          "The grantor is a guardian with a conflict of interest (or not a guardian of this child)"
              + " and cannot consent for the child");
    }
    tx.executeWithoutResult(
        s -> {
          consents.insert(consent, now);
          audit.append(event);
        });
    return consent;
  }

  public Consent read(Caller caller, String consentId) {
    return consents
        .find(consentId)
        .filter(c -> c.registeredBy().equals(caller.agencyId()))
        .orElseThrow(() -> ApiException.notFound("Consent " + consentId));
  }

  public Withdrawal withdraw(Caller caller, String consentId) {
    Consent consent = read(caller, consentId);
    if (!Consent.ACTIVE.equals(consent.status())) {
      throw ApiException.of(
          HttpStatus.CONFLICT, "conflict", "Consent " + consentId + " is already withdrawn");
    }
    Instant now = clock.instant();
    AuditEvent base =
        AuditEvent.of(AuditAction.CONSENT_WITHDRAWN, "SUCCESS")
            .actor(caller.agencyId(), caller.person(), caller.primaryRole())
            .justification(null, "CONSENT", consentId)
            .record(consent.subjectPseudonym(), consent.recordId(), null);
    return tx.execute(
        s -> {
          if (!consents.withdraw(consentId, now)) {
            throw ApiException.of(
                HttpStatus.CONFLICT, "conflict", "Consent " + consentId + " is already withdrawn");
          }
          audit.append(base);
          int cancelled = 0;
          for (Delivery d :
              deliveries.byConsent(consentId, Delivery.Status.PENDING, Delivery.Kind.ASSESSMENT)) {
            if (deliveries.cancel(d.deliveryId())) {
              cancelled++;
              audit.append(
                  base.as(AuditAction.CANCELLED, "SUCCESS")
                      .record(consent.subjectPseudonym(), d.recordId(), d.recordVersion())
                      .recipient(d.recipientAgency(), null)
                      .reason("CONSENT-WITHDRAWN: pending delivery cancelled"));
            }
          }
          Set<String> notified = new HashSet<>();
          for (Delivery d :
              deliveries.byConsent(
                  consentId, Delivery.Status.DELIVERED, Delivery.Kind.ASSESSMENT)) {
            if (notified.add(d.recipientAgency() + "|" + d.recordId() + "|" + d.recordVersion())) {
              deliveries.insert(
                  d.exchangeId(),
                  d.recordId(),
                  d.recordVersion(),
                  d.recipientAgency(),
                  Delivery.Kind.REVOCATION,
                  consentId,
                  d.deliveryId(),
                  now);
              audit.append(
                  base.as(AuditAction.DECIDED, "PERMIT")
                      .record(consent.subjectPseudonym(), d.recordId(), d.recordVersion())
                      .recipient(d.recipientAgency(), "S0")
                      .reason("CONSENT-WITHDRAWN: revocation notice queued"));
            }
          }
          return new Withdrawal(consentId, now, cancelled, notified.size());
        });
  }

  private static Instant startOfDay(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
