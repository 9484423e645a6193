package eu.focus.gateway.channel.fhir;

import eu.focus.gateway.intake.SubmissionResult;
import eu.focus.gateway.intake.SubmissionResult.RecipientDecision;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * What the sender learns about a submission, in FHIR form: the REST channel's SubmissionResult as a
 * Parameters resource (the body of a created Bundle, by default and with {@code Prefer:
 * return=representation}), and as an OperationOutcome (with {@code Prefer:
 * return=OperationOutcome}). Parameter names are the SubmissionResult's JSON field names; every
 * {@code decision} has parts {@code recipient}, {@code decision} (PERMIT | DENY), {@code rule},
 * {@code reason}, optional {@code deliveryId}, and repeated {@code class}, {@code summaryClass},
 * {@code withheldClass}, {@code handlingFlag}.
 */
final class SubmissionResults {

  private SubmissionResults() {}

  static Parameters toParameters(SubmissionResult result) {
    Parameters p = new Parameters();
    p.addParameter("exchangeId", result.exchangeId());
    p.addParameter("recordId", result.recordId());
    p.addParameter().setName("version").setValue(new IntegerType(result.version()));
    p.addParameter("subjectPseudonym", result.subjectPseudonym());
    for (RecipientDecision d : result.decisions()) {
      ParametersParameterComponent decision = p.addParameter().setName("decision");
      part(decision, "recipient", new StringType(d.recipient()));
      part(decision, "decision", new CodeType(d.decision()));
      part(decision, "rule", new StringType(d.rule()));
      part(decision, "reason", d.reason() == null ? null : new StringType(d.reason()));
      part(decision, "deliveryId", d.deliveryId() == null ? null : new StringType(d.deliveryId()));
      codes(decision, "class", d.classes());
      codes(decision, "summaryClass", d.summaryClasses());
      codes(decision, "withheldClass", d.withheldClasses());
      codes(decision, "handlingFlag", d.handlingFlags());
    }
    return p;
  }

  static OperationOutcome toOutcome(SubmissionResult result) {
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.INFORMATIONAL)
        .setDiagnostics(
            "Stored record "
                + result.recordId()
                + " version "
                + result.version()
                + " as exchange "
                + result.exchangeId());
    for (RecipientDecision d : result.decisions()) {
      boolean permit = "PERMIT".equals(d.decision());
      oo.addIssue()
          .setSeverity(permit ? IssueSeverity.INFORMATION : IssueSeverity.WARNING)
          .setCode(permit ? IssueType.INFORMATIONAL : IssueType.FORBIDDEN)
          .setDiagnostics(
              d.recipient() + ": " + d.decision() + " (" + d.rule() + ": " + d.reason() + ")");
    }
    return oo;
  }

  private static void part(
      ParametersParameterComponent parent, String name, org.hl7.fhir.r4.model.Type value) {
    if (value != null) {
      parent.addPart().setName(name).setValue(value);
    }
  }

  private static void codes(ParametersParameterComponent parent, String name, List<String> codes) {
    if (codes != null) {
      codes.forEach(c -> part(parent, name, new CodeType(c)));
    }
  }
}
