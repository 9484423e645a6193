package eu.focus.gateway.retention;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.contract.Violation;
import eu.focus.gateway.audit.AuditAction;
import eu.focus.gateway.audit.AuditEvent;
import eu.focus.gateway.audit.AuditLog;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import eu.focus.gateway.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure of a child's data on request (GDPR Art. 17, LED Art. 16), as decided by the data
 * protection officer and recorded by an operator. The child is named by subject pseudonym, or by
 * one of its records' ids (which stands for the child: every record of that pseudonym is erased).
 * In one transaction, every version of every record of the child loses its content (the row with
 * ids, agencies, dates and pseudonym stays, so the audit log keeps pointing at something), every
 * unsent delivery of them is cancelled, and the log gets one ERASED entry per version and one for
 * the request. Repeating a request (same reference) answers the first one; a new request for a
 * child already erased is recorded and erases nothing.
 */
@Service
public class ErasureService {

  /** Legal grounds an erasure request may give. */
  public static final List<String> REASONS =
      List.of("GDPR_ART17", "LED_ART16", "COURT_ORDER", "SUPERVISORY_ORDER");

  private static final Set<String> MEMBERS =
      Set.of("subjectPseudonym", "recordId", "reason", "requestReference");
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
  private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern UUID_FORM =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The erasure, and whether this call created it (false: the same request was made before). */
  public record Outcome(Erasure erasure, boolean created) {}

  private final RecordStore records;
  private final ErasureStore erasures;
  private final UnsentDeliveries unsent;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  ErasureService(
      RecordStore records,
      ErasureStore erasures,
      UnsentDeliveries unsent,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock) {
    this.records = records;
    this.erasures = erasures;
    this.unsent = unsent;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  public Outcome request(Caller operator, JsonNode body) {
    Request r = validate(body);
    String subject =
        r.subjectPseudonym != null
            ? r.subjectPseudonym
            : records
                .latest(r.recordId)
                .map(StoredRecord::subjectPseudonym)
                .orElseThrow(() -> ApiException.notFound("Record " + r.recordId));
    Optional<Outcome> earlier = earlier(r, subject);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    List<StoredRecord> versions = records.versionsOfSubject(subject);
    if (versions.isEmpty()) {
      throw ApiException.notFound("A child with subject pseudonym " + subject);
    }
    String erasureId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    String why = "erasure " + erasureId + " (" + r.reason + ", ref " + r.reference + ")";
    try {
      tx.executeWithoutResult(
          s -> {
            AuditEvent base =
                AuditEvent.of(AuditAction.ERASED, "SUCCESS")
                    .actor(null, operator.person(), operator.primaryRole())
                    .reason(why);
            int erased = 0;
            int cancelled = 0;
            for (StoredRecord v : versions) {
              if (records.erase(v, erasureId, RetentionJob.ALL_CLASSES, now)) {
                erased++;
                audit.append(
                    base.record(subject, v.recordId(), v.version())
                        .recipient(null, RetentionJob.ALL_CLASSES));
              }
              cancelled += unsent.cancel(v, base.reason(why + ": unsent delivery cancelled"));
            }
            erasures.insert(
                new Erasure(
                    erasureId,
                    r.reference,
                    subject,
                    r.recordId,
                    r.reason,
                    operator.person(),
                    now,
                    erased,
                    cancelled,
                    List.of()));
            audit.append(
                base.record(subject, null, null)
                    .reason(
                        "request "
                            + why
                            + ": "
                            + erased
                            + " version(s) erased, "
                            + cancelled
                            + " delivery(ies) cancelled"));
          });
    } catch (DuplicateKeyException sameReferenceMeanwhile) {
      return earlier(r, subject).orElseThrow(() -> sameReferenceMeanwhile);
    }
    return new Outcome(find(erasureId), true);
  }

  /** The erasure with the records it erased; 404 when there is none. */
  public Erasure find(String erasureId) {
    Erasure e =
        erasures.find(erasureId).orElseThrow(() -> ApiException.notFound("Erasure " + erasureId));
    return withRecords(e);
  }

  private Erasure withRecords(Erasure e) {
    return new Erasure(
        e.erasureId(),
        e.requestReference(),
        e.subjectPseudonym(),
        e.recordId(),
        e.reason(),
        e.requestedBy(),
        e.requestedAt(),
        e.versionsErased(),
        e.deliveriesCancelled(),
        records.erasedBy(e.erasureId()));
  }

  /** The earlier request with the same reference: the same one again, or a conflict. */
  private Optional<Outcome> earlier(Request r, String subject) {
    Optional<Erasure> same = erasures.byReference(r.reference);
    if (same.isEmpty()) {
      return Optional.empty();
    }
    Erasure e = same.get();
    if (!e.subjectPseudonym().equals(subject)
        || !Objects.equals(e.recordId(), r.recordId)
        || !e.reason().equals(r.reason)) {
      throw ApiException.of(
          HttpStatus.CONFLICT,
          "conflict",
          "requestReference "
              + r.reference
              + " was used for another erasure request ("
              + e.erasureId()
              + ")");
    }
    return Optional.of(new Outcome(withRecords(e), false));
  }

  private record Request(
      String subjectPseudonym, String recordId, String reason, String reference) {}

  private static Request validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "malformed", "The body must be a JSON object");
    }
    List<Violation> v = new ArrayList<>();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!MEMBERS.contains(name)) {
        v.add(new Violation("/" + name, "unknown member"));
      }
    }
    String subject = text(body, "subjectPseudonym", v);
    String recordId = text(body, "recordId", v);
    String reason = text(body, "reason", v);
    String reference = text(body, "requestReference", v);
    boolean bySubject = body.has("subjectPseudonym");
    boolean byRecord = body.has("recordId");
    if (!bySubject && !byRecord) {
      v.add(new Violation("", "name the child by subjectPseudonym or by recordId"));
    } else if (bySubject && byRecord) {
      v.add(new Violation("/recordId", "give subjectPseudonym or recordId, not both"));
    }
    if (subject != null && !PSEUDONYM.matcher(subject).matches()) {
      v.add(
          new Violation(
              "/subjectPseudonym",
              "must be a subject pseudonym (letters, digits, . _ -; at most 64)"));
    }
    if (recordId != null && !UUID_FORM.matcher(recordId).matches()) {
      v.add(new Violation("/recordId", "must be a UUID"));
    }
    if (reason == null) {
      v.add(new Violation("/reason", "is required, one of " + String.join(", ", REASONS)));
    } else if (!REASONS.contains(reason)) {
      v.add(new Violation("/reason", "must be one of " + String.join(", ", REASONS)));
    }
    if (reference == null) {
      v.add(new Violation("/requestReference", "is required: the DPO's reference of the request"));
    } else if (!REFERENCE.matcher(reference).matches()) {
      v.add(
          new Violation(
              "/requestReference",
              "must be a case reference (letters, digits, . _ : / -; at most 64), nothing personal"));
    }
    if (!v.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "bad-request",
          v.size() + " problem(s) in the erasure request",
          null,
          v);
    }
    return new Request(subject, recordId, reason, reference);
  }

  /** A member's text; a member present but not a string is a violation. */
  private static String text(JsonNode body, String name, List<Violation> v) {
    JsonNode n = body.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      v.add(new Violation("/" + name, "must be a string"));
      return null;
    }
    return n.asText();
  }
}
