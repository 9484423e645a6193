package eu.focus.gateway.access;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.contract.Violation;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.agency.AgencyDirectory;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.outbox.Delivery;
import eu.focus.gateway.outbox.DeliveryStore;
import eu.focus.gateway.policy.Decision;
import eu.focus.gateway.policy.Minimiser;
import eu.focus.gateway.policy.PolicyEngine;
import eu.focus.gateway.policy.PolicyRecheck;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.record.ExchangeRow;
import eu.focus.gateway.record.RecordFilter;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import eu.focus.gateway.security.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pull access: an agency reads a record it authored (in full) or received (minimised for it, with
 * policy and consent checked again now, under the purpose it was sent for). Anything else is "not
 * found", so the existence of a record is not disclosed. Every read and every refusal is audited.
 */
@Service
public class RecordAccessService {

  /** The header by which an agency declares an emergency read; its value is the reason code. */
  public static final String BREAK_GLASS_HEADER = "Focus-Break-Glass";

  /** The view an agency gets. */
  public record View(
      String recordId, int version, SortedSet<String> withheldClasses, JsonNode record) {}

  private final RecordStore records;
  private final DeliveryStore deliveries;
  private final AgencyDirectory agencies;
  private final PolicyRecheck recheck;
  private final Minimiser minimiser;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final PolicyEngine policy;

  public RecordAccessService(
      RecordStore records,
      DeliveryStore deliveries,
      AgencyDirectory agencies,
      PolicyRecheck recheck,
      Minimiser minimiser,
      AuditLog audit,
      TransactionTemplate tx,
      PolicyEngine policy) {
    this.policy = policy;
    this.records = records;
    this.deliveries = deliveries;
    this.agencies = agencies;
    this.recheck = recheck;
    this.minimiser = minimiser;
    this.audit = audit;
    this.tx = tx;
  }

  /** One record a search found: the caller's view of it, and when the gateway stored it. */
  public record Found(View view, Instant storedAt) {}

  public View read(Caller caller, String recordId, Integer requestedVersion) {
    return read(caller, recordId, requestedVersion, "REST");
  }

  /**
   * @param channel REST, SOAP, FHIR: recorded in the audit entry, nothing else depends on it
   */
  public View read(Caller caller, String recordId, Integer requestedVersion, String channel) {
    Optional<StoredRecord> latest = records.latest(recordId);
    if (latest.isEmpty()) {
      throw ApiException.notFound("Record " + recordId);
    }
    boolean author = latest.get().authoringAgency().equals(caller.agencyId());
    int version;
    if (requestedVersion != null) {
      version = requestedVersion;
    } else if (author) {
      version = latest.get().version();
    } else {
      version =
          deliveries
              .latestDeliveredVersion(recordId, caller.agencyId())
              .orElseThrow(() -> ApiException.notFound("Record " + recordId));
    }
    StoredRecord record =
        records
            .find(recordId, version)
            .orElseThrow(() -> ApiException.notFound("Record " + recordId));
    AuditEvent base =
        AuditEvent.of(AuditAction.CONSULTED, "SUCCESS")
            .actor(caller.agencyId(), caller.person(), caller.primaryRole())
            .record(record.subjectPseudonym(), recordId, version)
            .correlation(null, channel);

    if (author) {
      refuseIfErased(record, base);
      tx.executeWithoutResult(
          s -> audit.append(base.recipient(null, "ALL").reason("authoring agency")));
      return new View(recordId, version, new TreeSet<>(record.removed()), record.content());
    }
    Delivery received =
        deliveries
            .deliveredTo(recordId, version, caller.agencyId())
            .orElseThrow(() -> ApiException.notFound("Record " + recordId));
    refuseIfErased(record, base);
    ExchangeRow exchange = records.exchange(received.exchangeId()).orElseThrow();
    Agency reader = agencies.find(caller.agencyId()).orElseThrow();
    Decision decision = recheck.recheck(exchange, record, reader);
    String from = agencies.find(exchange.sourceAgency()).map(Agency::country).orElse(null);
    AuditEvent justified =
        base.justification(exchange.purpose(), exchange.legalBasis(), exchange.consentId())
            .transfer(from, reader.country(), exchange.transferBasis());
    if (!decision.permitted()) {
      tx.executeWithoutResult(
          s -> audit.append(justified.as(AuditAction.CONSULTED, "DENY").reason(decision.rule())));
      throw ApiException.forbidden(decision.rule(), decision.reason());
    }
    Minimiser.Result minimised = minimiser.minimise(record.content(), decision.classes());
    tx.executeWithoutResult(
        s -> audit.append(justified.recipient(caller.agencyId(), decision.disclosedClasses())));
    SortedSet<String> withheld = new TreeSet<>(decision.withheld());
    withheld.addAll(record.removed()); // past retention: gone for everyone
    return new View(recordId, version, withheld, minimised.record());
  }

  /**
   * Erased on request: say so (410) rather than "not found", but only to an agency that authored or
   * received the version, so that the answer discloses nothing to anyone else.
   */
  private void refuseIfErased(StoredRecord record, AuditEvent consulted) {
    if (record.erased()) {
      tx.executeWithoutResult(
          s -> audit.append(consulted.as(AuditAction.CONSULTED, "DENY").reason("ERASED")));
      throw ApiException.of(
          HttpStatus.GONE,
          "erased",
          "The content of record "
              + record.recordId()
              + " version "
              + record.version()
              + " was erased on request");
    }
  }

  /**
   * Emergency read ("break the glass") of a record the policy does not otherwise give the caller's
   * agency: the declared reason must be one the policy knows (else 400), the policy must allow it
   * for the agency's kind (else 403 naming the rule), and the view is minimised to what the policy
   * names for emergencies. Granted or refused, it is audited as BREAK_GLASS with the reason, for an
   * auditor to review. The authoring agency needs no emergency to read its own record and is told
   * so.
   */
  public View breakGlass(
      Caller caller, String recordId, Integer requestedVersion, String reason, String channel) {
    if (!policy.breakGlassReasons().contains(reason)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "bad-request",
          "Unknown break-the-glass reason",
          null,
          List.of(
              new Violation(
                  BREAK_GLASS_HEADER, "one of " + new TreeSet<>(policy.breakGlassReasons()))));
    }
    StoredRecord latest =
        records.latest(recordId).orElseThrow(() -> ApiException.notFound("Record " + recordId));
    if (latest.authoringAgency().equals(caller.agencyId())) {
      throw ApiException.of(
          HttpStatus.BAD_REQUEST,
          "bad-request",
          "Your agency authored this record: read it without " + BREAK_GLASS_HEADER);
    }
    int version = requestedVersion != null ? requestedVersion : latest.version();
    StoredRecord record =
        records
            .find(recordId, version)
            .orElseThrow(() -> ApiException.notFound("Record " + recordId));
    Agency reader = agencies.find(caller.agencyId()).orElseThrow();
    Agency author = agencies.find(record.authoringAgency()).orElseThrow();
    Decision decision = policy.breakGlass(author, reader, record.content());
    AuditEvent event =
        AuditEvent.of(AuditAction.BREAK_GLASS, "SUCCESS")
            .actor(caller.agencyId(), caller.person(), caller.primaryRole())
            .justification("BTG", null, null)
            .record(record.subjectPseudonym(), recordId, version)
            .transfer(author.country(), reader.country(), null)
            .correlation(null, channel);
    if (!decision.permitted()) {
      tx.executeWithoutResult(
          s ->
              audit.append(
                  event
                      .as(AuditAction.BREAK_GLASS, "DENY")
                      .recipient(reader.id(), null)
                      .reason(reason + "; refused: " + decision.rule())));
      throw ApiException.forbidden(decision.rule(), decision.reason());
    }
    Minimiser.Result minimised = minimiser.minimise(record.content(), decision.classes());
    tx.executeWithoutResult(
        s ->
            audit.append(event.recipient(reader.id(), decision.disclosedClasses()).reason(reason)));
    return new View(
        recordId, version, new TreeSet<>(List.copyOf(decision.withheld())), minimised.record());
  }

  /**
   * The records the caller may read that match the filter, newest first: the latest version of
   * those its agency authored and the latest version delivered to it of the others, exactly what
   * {@link #read} without a version would give. Each match is read through {@link #read}, so it is
   * re-checked, minimised and audited like any read; one the policy no longer allows (e.g. its
   * consent was withdrawn) is left out, its refusal audited.
   */
  public List<Found> search(Caller caller, RecordFilter filter, int limit, String channel) {
    List<StoredRecord> candidates =
        new ArrayList<>(records.latestAuthoredBy(caller.agencyId(), filter, limit));
    Map<String, Integer> delivered = deliveries.latestDeliveredVersions(caller.agencyId());
    if (filter.recordId() != null) {
      delivered.keySet().retainAll(List.of(filter.recordId()));
    }
    candidates.forEach(r -> delivered.remove(r.recordId()));
    candidates.addAll(records.versions(delivered, filter));
    candidates.sort(Comparator.comparing(StoredRecord::createdAt).reversed());
    List<Found> found = new ArrayList<>();
    for (StoredRecord candidate : candidates) {
      if (found.size() == limit) {
        break;
      }
      try {
        found.add(
            new Found(read(caller, candidate.recordId(), null, channel), candidate.createdAt()));
      } catch (ApiException notVisibleNow) {
        // audited by read(); a search result simply leaves it out
      }
    }
    return found;
  }
}
