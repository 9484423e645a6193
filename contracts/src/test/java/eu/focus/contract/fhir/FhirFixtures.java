package eu.focus.contract.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  /** An example document with the schema it follows. */
  record Example(String file, ContractDocument document, JsonNode json) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Example> examples() {
    List<Example> examples = new ArrayList<>();
    for (JsonNode entry : read("examples/index.json").path("examples")) {
      String file = entry.path("file").asText();
      examples.add(
          new Example(
              file,
              ContractDocument.valueOf(entry.path("document").asText()),
              read("examples/" + file)));
    }
    return examples;
  }

  static List<Example> examples(ContractDocument kind) {
    return examples().stream().filter(e -> e.document() == kind).toList();
  }

  static JsonNode example(String file) {
    return read("examples/" + file);
  }

  /** A classpath resource under {@code focus/contract/v1/}. */
  static JsonNode read(String relativePath) {
    String path = ContractSchemas.RESOURCE_DIR + relativePath;
    try (InputStream in = FhirFixtures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
