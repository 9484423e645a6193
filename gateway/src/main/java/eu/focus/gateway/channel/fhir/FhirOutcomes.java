package eu.focus.gateway.channel.fhir;

import eu.focus.contract.Violation;
import eu.focus.gateway.problem.Problems;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;

/**
 * The FHIR channel's one error shape: an OperationOutcome with the content of the REST problem
 * document. Each issue's {@code details.coding} carries the problem code (system {@value
 * #PROBLEM_SYSTEM}, the same code as the last segment of the REST problem type) and, on a policy
 * refusal, the rule (system {@value #RULE_SYSTEM}); {@code details.text} is the problem's detail.
 * Without violations there is one issue whose diagnostics is the detail; with violations there is
 * one issue per violation, its diagnostics the violation's message and its expression the location
 * (a FHIRPath for profile violations, a JSON pointer into the contract document for contract
 * violations found after conversion).
 */
public final class FhirOutcomes {

  /** Code system of the problem codes; {@code system + "/" + code} is the REST problem type. */
  public static final String PROBLEM_SYSTEM =
      Problems.TYPE_BASE.substring(0, Problems.TYPE_BASE.length() - 1);

  /** Code system of the policy and authorisation rules (e.g. AUTH-SOURCE-AGENCY). */
  public static final String RULE_SYSTEM = "https://focus-gateway.eu/rules";

  private FhirOutcomes() {}

  public static OperationOutcome error(
      HttpStatus status, String code, String detail, String rule, List<Violation> violations) {
    OperationOutcome oo = new OperationOutcome();
    if (violations == null || violations.isEmpty()) {
      issue(oo, status, code, detail, rule).setDiagnostics(detail);
      return oo;
    }
    for (Violation v : violations) {
      var issue = issue(oo, status, code, detail, rule).setDiagnostics(v.message());
      if (v.pointer() != null && !v.pointer().isEmpty()) {
        issue.addExpression(v.pointer());
      }
    }
    return oo;
  }

  /** The answer of {@code $validate}: one error per violation, or one "no errors" notice. */
  public static OperationOutcome validation(List<Violation> violations) {
    if (!violations.isEmpty()) {
      return error(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "contract-violation",
          violations.size() + " violation(s) of the Focus FHIR profiles",
          null,
          violations);
    }
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.INFORMATIONAL)
        .setDiagnostics("No errors: valid against FHIR R4 and the Focus profiles");
    return oo;
  }

  private static OperationOutcome.OperationOutcomeIssueComponent issue(
      OperationOutcome oo, HttpStatus status, String code, String detail, String rule) {
    CodeableConcept details = new CodeableConcept().setText(detail);
    details
        .addCoding()
        .setSystem(PROBLEM_SYSTEM)
        .setCode(code)
        .setDisplay(status.getReasonPhrase());
    if (rule != null) {
      details.addCoding().setSystem(RULE_SYSTEM).setCode(rule);
    }
    return oo.addIssue()
        .setSeverity(status.is5xxServerError() ? IssueSeverity.FATAL : IssueSeverity.ERROR)
        .setCode(issueType(status, code))
        .setDetails(details);
  }

  /** The FHIR issue type closest to the HTTP status (and, for 400 and 409, the problem code). */
  static IssueType issueType(HttpStatus status, String code) {
    return switch (status) {
      case BAD_REQUEST -> "malformed".equals(code) ? IssueType.STRUCTURE : IssueType.INVALID;
      case UNAUTHORIZED -> IssueType.LOGIN;
      case FORBIDDEN -> IssueType.FORBIDDEN;
      case NOT_FOUND -> IssueType.NOTFOUND;
      case GONE -> IssueType.DELETED;
      case METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> IssueType.NOTSUPPORTED;
      case CONFLICT -> "duplicate-message".equals(code) ? IssueType.DUPLICATE : IssueType.CONFLICT;
      case PAYLOAD_TOO_LARGE -> IssueType.TOOCOSTLY;
      case UNPROCESSABLE_ENTITY -> IssueType.INVALID;
      case TOO_MANY_REQUESTS -> IssueType.THROTTLED;
      case SERVICE_UNAVAILABLE -> IssueType.TRANSIENT;
      default -> status.is5xxServerError() ? IssueType.EXCEPTION : IssueType.PROCESSING;
    };
  }
}
