package eu.focus.contract.xml;

import eu.focus.contract.Violation;
import java.util.List;

/**
 * A document that cannot be turned into XML or read from XML: not well-formed, carrying a DTD, or
 * with elements the contract does not have. Lists every problem found, each with the JSON pointer
 * of the place in the contract document (as {@link eu.focus.contract.ContractValidator} does).
 */
public class ContractXmlException extends RuntimeException {

  private final transient List<Violation> violations;

  public ContractXmlException(String message, List<Violation> violations) {
    super(message);
    this.violations = List.copyOf(violations);
  }

  /** Every problem found, sorted by pointer. */
  public List<Violation> violations() {
    return violations;
  }
}
