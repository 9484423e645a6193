package eu.focus.gateway.delivery;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.adapters.connector.FhirConnectorTemplate;
import eu.focus.contract.Violation;
import eu.focus.contract.fhir.ContractFhir;
import eu.focus.contract.fhir.ContractFhirException;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.config.FocusProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How a recipient that speaks contract v1 itself (no national mapping) receives a delivery message:
 * in the encoding of its connector type. A FHIR connector carries FHIR, so a {@code fhir-connector}
 * recipient gets the message as a FocusAssessmentBundle; the other types carry the contract's JSON
 * unchanged.
 */
@Component
public class ContractEncoding {

  /** The message could not be encoded; deterministic, so retrying will not help. */
  public static class EncodingException extends RuntimeException {
    private final transient List<Violation> violations;

    EncodingException(String message, List<Violation> violations) {
      super(message);
      this.violations = violations;
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  private final Map<String, String> connectorTypes = new HashMap<>();
  private final ContractFhir fhir;
  private final FhirContext fhirContext;
  private final ObjectMapper json;

  public ContractEncoding(
      FocusProperties props, ContractFhir fhir, FhirContext fhirContext, ObjectMapper json) {
    for (FocusProperties.AgencyConfig a : props.agencies()) {
      if (a.connector() != null) {
        connectorTypes.put(a.id(), a.connector().type());
      }
    }
    this.fhir = fhir;
    this.fhirContext = fhirContext;
    this.json = json;
  }

  /**
   * @param recipient an agency without a national mapping
   * @param message a contract v1 delivery message (JSON)
   * @return the body its connector sends
   */
  public String encode(Agency recipient, String message) {
    if (!FhirConnectorTemplate.TEMPLATE_ID.equals(connectorTypes.get(recipient.id()))) {
      return message;
    }
    try {
      return fhirContext
          .newJsonParser()
          .encodeResourceToString(fhir.deliveryToBundle(json.readTree(message)));
    } catch (ContractFhirException e) {
      throw new EncodingException("not representable as a FocusAssessmentBundle", e.violations());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A delivery message is not JSON", e);
    }
  }
}
