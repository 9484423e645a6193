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
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.record.RecordStore;
import eu.focus.gateway.record.StoredRecord;
import eu.focus.gateway.security.Caller;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything that can refuse a submission, checked before intake's transaction starts, so that a
 * refused submission leaves nothing behind but, for an authorisation refusal, its audit entry.
 */
@Component
class SubmissionChecks {

  private final ContractValidator validator;
  private final CodeLists codeLists;
  private final AgencyDirectory agencies;
  private final RecordStore records;
  private final ConsentStore consents;
  private final Pseudonymiser pseudonymiser;
  private final AuditLog audit;
  private final TransactionTemplate tx;

  SubmissionChecks(
      ContractValidator validator,
      CodeLists codeLists,
      AgencyDirectory agencies,
      RecordStore records,
      ConsentStore consents,
      Pseudonymiser pseudonymiser,
      AuditLog audit,
      TransactionTemplate tx) {
    this.validator = validator;
    this.codeLists = codeLists;
    this.agencies = agencies;
    this.records = records;
    this.consents = consents;
    this.pseudonymiser = pseudonymiser;
    this.audit = audit;
    this.tx = tx;
  }

  /**
   * Step 1, before any transaction: the contract, the caller against the source agency, the
   * address, the envelope, the version and the message id. Refuses with the submission's error;
   * writes nothing but the audit entry of an authorisation refusal.
   */
  CheckedSubmission check(Caller caller, JsonNode submission, String expectedRecordId) {
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
    return new CheckedSubmission(
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
}
