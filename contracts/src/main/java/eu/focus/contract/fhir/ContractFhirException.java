package eu.focus.contract.fhir;

import eu.focus.contract.Violation;
import java.util.List;

/**
 * A FHIR resource that does not carry a contract v1 document: every problem found, each at its
 * FHIRPath-like location in the resource ({@code Bundle.entry[2].resource.code}).
 */
public class ContractFhirException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public ContractFhirException(List<Violation> violations) {
    super(summary(violations));
    this.violations = List.copyOf(violations);
  }

  /** Every problem found, in the order found. */
  public List<Violation> violations() {
    return violations;
  }

  private static String summary(List<Violation> violations) {
    return violations.size()
        + " problem(s) converting FHIR to contract v1"
        + (violations.isEmpty()
            ? ""
            : ", first: " + violations.get(0).pointer() + ": " + violations.get(0).message());
  }
}
