package eu.focus.contract.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractFiles;
import eu.focus.contract.ContractFiles.Example;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One FhirContext, one converter and one validator for all FHIR tests: building the context and
 * warming the validator take seconds, so the tests share them.
 */
final class FhirFixtures {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final FhirContext CONTEXT = FhirContext.forR4Cached();
  static final FocusTerminology TERMINOLOGY = FocusTerminology.load();
  static final ContractFhir FHIR = new ContractFhir(CONTEXT, TERMINOLOGY);

  private static ContractFhirValidation validation;

  private FhirFixtures() {}

  static synchronized ContractFhirValidation validation() {
    if (validation == null) {
      validation = new ContractFhirValidation(CONTEXT, TERMINOLOGY);
      validation.warmUp();
    }
    return validation;
  }

  /** The contract examples, as the contract's own tests read them ({@link ContractFiles}). */
  static List<Example> examples() {
    return ContractFiles.examples();
  }

  static List<Example> examples(ContractDocument kind) {
    return examples().stream().filter(e -> e.document() == kind).toList();
  }

  static JsonNode example(String file) {
    return read("examples/" + file);
  }

  /** A classpath resource under {@code focus/contract/v1/}. */
  static JsonNode read(String relativePath) {
    return ContractFiles.read(relativePath);
  }

  /** A resource as pretty JSON, for assertion messages and golden files. */
  static String json(IBaseResource resource) {
    return CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
  }

  /** A resource through the JSON parser and back, as it would travel over the wire. */
  static <T extends IBaseResource> T wire(T resource) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) resource.getClass();
    return CONTEXT.newJsonParser().parseResource(type, json(resource));
  }
}
