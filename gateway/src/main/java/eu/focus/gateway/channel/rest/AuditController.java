package eu.focus.gateway.channel.rest;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.contract.Violation;
import eu.focus.gateway.audit.AuditEntry;
import eu.focus.gateway.auditor.AccountabilityReport;
import eu.focus.gateway.auditor.AuditCsv;
import eu.focus.gateway.auditor.AuditFhir;
import eu.focus.gateway.auditor.AuditQuery;
import eu.focus.gateway.auditor.AuditorService;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.security.Caller;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor API (role AUDITOR): search, the child's disclosure report, the decision, transfer,
 * break-the-glass and security-event reports, and exports. Each answers one of the auditor's
 * questions of docs/domain.md in one call; each call is written to the log before it answers
 * ({@link AuditorService}).
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");
  static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final AuditorService auditor;
  private final AccountabilityReport accountability;
  private final AuditFhir fhir;
  private final FhirContext fhirContext;
  private final Clock clock;

  public AuditController(
      AuditorService auditor,
      AccountabilityReport accountability,
      AuditFhir fhir,
      FhirContext fhirContext,
      Clock clock) {
    this.auditor = auditor;
    this.accountability = accountability;
    this.fhir = fhir;
    this.fhirContext = fhirContext;
    this.clock = clock;
  }

  /**
   * Questions 1-3: entries by subject, record, agency, person, action(s), purpose, outcome, time.
   */
  @GetMapping("/entries")
  public AuditQuery.Page search(Caller caller, @RequestParam MultiValueMap<String, String> params) {
    AuditParams p =
        AuditParams.of(params, AuditParams.union(AuditParams.FILTERS, AuditParams.PAGING));
    AuditQuery.Criteria c = p.criteria();
    p.check();
    return auditor.search(caller, c, p.describe());
  }

  /** Question 7: every disclosure and consultation about one child (GDPR 15, LED 14). */
  @GetMapping("/children/{pseudonym}/disclosures")
  public AuditorService.DisclosureReport disclosures(
      Caller caller,
      @PathVariable String pseudonym,
      @RequestParam MultiValueMap<String, String> params) {
    AuditParams p = AuditParams.of(params, AuditParams.PAGING);
    int page = p.page();
    int size = p.size();
    p.check();
    return auditor.disclosures(caller, id(pseudonym, "pseudonym"), page, size);
  }

  /** Question 4: every permit and deny about a record, with the consent as it stood then. */
  @GetMapping("/records/{recordId}/decisions")
  public AuditorService.DecisionReport decisions(
      Caller caller,
      @PathVariable String recordId,
      @RequestParam MultiValueMap<String, String> params) {
    AuditParams p = AuditParams.of(params, Set.of("size"));
    int size = p.size();
    p.check();
    return auditor.decisions(caller, id(recordId, "recordId"), size);
  }

  /**
   * Question 8: retention ran on schedule (slots of the configured schedule against the passes
   * logged), erasures carried out, the log verified now, and auditor reads logged (this one too).
   * Default period: the last 7 days.
   */
  @GetMapping("/accountability")
  public AccountabilityReport.Report accountability(
      Caller caller, @RequestParam MultiValueMap<String, String> params) {
    AuditParams p = AuditParams.of(params, Set.of("from", "to"));
    AuditQuery.Criteria c = p.criteria();
    p.check();
    Instant to = c.to() != null ? c.to() : clock.instant();
    Instant from = c.from() != null ? c.from() : to.minus(Duration.ofDays(7));
    if (!from.isBefore(to)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "bad-request", "from must be before to");
    }
    return accountability.answer(caller, from, to);
  }

  /** Question 6: cross-border transfers with destination country and legal mechanism. */
  @GetMapping("/transfers")
  public AuditorService.TransferPage transfers(
      Caller caller, @RequestParam MultiValueMap<String, String> params) {
    AuditParams p =
        AuditParams.of(
            params,
            AuditParams.union(
                Set.of("country", "from", "to", "agency", "subject"), AuditParams.PAGING));
    AuditQuery.Criteria c = p.criteria();
    String country = p.country("country");
    p.check();
    return auditor.transfers(caller, c, country, p.describe());
  }

  /** Question 5: every break-the-glass access with its reason and review. */
  @GetMapping("/break-glass")
  public AuditorService.BreakGlassPage breakGlass(
      Caller caller, @RequestParam MultiValueMap<String, String> params) {
    AuditParams p =
        AuditParams.of(
            params,
            AuditParams.union(
                Set.of("from", "to", "agency", "subject", "record", "outcome"),
                AuditParams.PAGING));
    AuditQuery.Criteria c = p.criteria();
    p.check();
    return auditor.breakGlass(caller, c, p.describe());
  }

  /** An auditor's finding on one break-the-glass access: JUSTIFIED, UNJUSTIFIED or ESCALATED. */
  @PostMapping(path = "/break-glass/{entryId}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<AuditorService.Review> review(
      Caller caller, @PathVariable String entryId, @RequestBody JsonNode body) {
    List<Violation> errors = new ArrayList<>();
    if (!body.isObject()) {
      errors.add(new Violation("", "a JSON object with finding"));
    } else {
      body.fieldNames()
          .forEachRemaining(
              n -> {
                if (!"finding".equals(n)) {
                  errors.add(new Violation("/" + n, "unknown member; only finding"));
                }
              });
      if (!AuditorService.FINDINGS.contains(body.path("finding").asText())) {
        errors.add(new Violation("/finding", "one of " + new TreeSet<>(AuditorService.FINDINGS)));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "bad-request", "The review is invalid: see errors", null, errors);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(auditor.review(caller, id(entryId, "entryId"), body.path("finding").asText()));
  }

  /** Question 9: failed authentication, authorisation denials, configuration loaded. */
  @GetMapping("/security-events")
  public AuditQuery.Page securityEvents(
      Caller caller, @RequestParam MultiValueMap<String, String> params) {
    AuditParams p =
        AuditParams.of(params, AuditParams.union(Set.of("from", "to"), AuditParams.PAGING));
    AuditQuery.Criteria c = p.criteria();
    p.check();
    return auditor.securityEvents(caller, c, p.describe());
  }

  /** The entries the filters select, as RFC 4180 CSV. */
  @GetMapping(path = "/export.csv", produces = "text/csv")
  public ResponseEntity<byte[]> exportCsv(
      Caller caller, @RequestParam MultiValueMap<String, String> params) throws IOException {
    List<AuditEntry> entries = export(caller, params, "csv");
    StringWriter out = new StringWriter();
    AuditCsv.write(entries, out);
    byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("audit-export.csv"))
        .body(body);
  }

  /** The entries the filters select, as a FHIR Bundle of FocusAuditEvents. */
  @GetMapping(path = "/export.fhir", produces = "application/fhir+json")
  public ResponseEntity<String> exportFhir(
      Caller caller, @RequestParam MultiValueMap<String, String> params) throws IOException {
    List<AuditEntry> entries = export(caller, params, "fhir");
    StringWriter out = new StringWriter();
    fhirContext
        .newJsonParser()
        .encodeResourceToWriter(fhir.bundle(entries, Date.from(clock.instant())), out);
    return ResponseEntity.ok()
        .contentType(FHIR_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("audit-export.fhir.json"))
        .body(out.toString());
  }

  private List<AuditEntry> export(
      Caller caller, MultiValueMap<String, String> params, String format) {
    AuditParams p = AuditParams.of(params, AuditParams.FILTERS);
    AuditQuery.Criteria c = p.criteria();
    p.check();
    return auditor.export(caller, c, format, p.describe());
  }

  private static String attachment(String name) {
    return ContentDisposition.attachment().filename(name).build().toString();
  }

  private static String id(String value, String name) {
    if (!ID.matcher(value).matches()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "bad-request",
          "The path is invalid: see errors",
          null,
          List.of(new Violation(name, "1-128 characters of A-Z a-z 0-9 . _ : -")));
    }
    return value;
  }
}
