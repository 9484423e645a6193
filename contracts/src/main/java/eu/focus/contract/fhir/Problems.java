package eu.focus.contract.fhir;

import eu.focus.contract.Violation;
import java.util.ArrayList;
import java.util.List;

/** The problems found while reading a FHIR resource, each at its FHIRPath-like location. */
final class Problems {

  private final List<Violation> found = new ArrayList<>();

  void add(String location, String message) {
    found.add(new Violation(location, message));
  }

  /** Throws {@link ContractFhirException} when anything was found. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ContractFhirException(found);
    }
  }
}
