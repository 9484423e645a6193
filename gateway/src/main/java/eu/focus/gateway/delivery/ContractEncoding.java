package eu.focus.gateway.delivery;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.adapters.connector.FhirConnectorTemplate;
import eu.focus.adapters.connector.SoapConnectorTemplate;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.Violation;
import eu.focus.contract.fhir.ContractFhir;
import eu.focus.contract.fhir.ContractFhirException;
import eu.focus.contract.xml.ContractXml;
import eu.focus.contract.xml.ContractXmlException;
import eu.focus.gateway.agency.Agency;
import eu.focus.mappings.Mapping;
import eu.focus.mappings.MappingResult;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one place that decides in which form a recipient gets its delivery message: its national
 * format when it has a mapping; otherwise contract v1 itself, in the form its connector speaks —
 * XML ({@code focus-recipient-v1.wsdl}) for a {@code soap-connector}, a FocusAssessmentBundle for a
 * {@code fhir-connector}, JSON for every other type.
 */
@Component
public class ContractEncoding {

  /** The forms a delivery message can travel in. */
  public enum Form {
    /** The recipient's own format, through its national mapping. */
    NATIONAL,
    /** Contract v1 as XML, the body of a DeliverAssessment call. */
    CONTRACT_XML,
    /** Contract v1 as FHIR: a FocusAssessmentBundle (JSON). */
    CONTRACT_FHIR,
    /** Contract v1 as JSON. */
    CONTRACT_JSON
  }

  /** The body to send, or why the message cannot be encoded (the same on every attempt). */
  public record Encoded(String body, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private final Mapping mapping;
  private final ContractXml xml;
  private final ContractFhir fhir;
  private final FhirContext fhirContext;
  private final ObjectMapper json;

  public ContractEncoding(
      Mapping mapping,
      ContractXml xml,
      ContractFhir fhir,
      FhirContext fhirContext,
      ObjectMapper json) {
    this.mapping = mapping;
    this.xml = xml;
    this.fhir = fhir;
    this.fhirContext = fhirContext;
    this.json = json;
  }

  /** The form the recipient receives. */
  public static Form formFor(Agency recipient) {
    if (recipient.mappingId() != null) {
      return Form.NATIONAL;
    }
    if (SoapConnectorTemplate.TEMPLATE_ID.equals(recipient.connectorType())) {
      return Form.CONTRACT_XML;
    }
    if (FhirConnectorTemplate.TEMPLATE_ID.equals(recipient.connectorType())) {
      return Form.CONTRACT_FHIR;
    }
    return Form.CONTRACT_JSON;
  }

  /** The delivery message (contract v1 JSON) in the recipient's form. */
  public Encoded encode(Agency recipient, String deliveryMessage) {
    return switch (formFor(recipient)) {
      case NATIONAL -> national(recipient, deliveryMessage);
      case CONTRACT_XML -> contractXml(deliveryMessage);
      case CONTRACT_FHIR -> contractFhir(deliveryMessage);
      case CONTRACT_JSON -> new Encoded(deliveryMessage, null);
    };
  }

  private Encoded national(Agency recipient, String deliveryMessage) {
    MappingResult<String> national = mapping.outbound(recipient.mappingId(), deliveryMessage);
    return national.isSuccess()
        ? new Encoded(national.value(), null)
        : new Encoded(null, "MAPPING-FAILED " + national.errors().get(0).toLine());
  }

  /** The DeliveryMessage element, without an XML declaration: it becomes the SOAP body. */
  private Encoded contractXml(String deliveryMessage) {
    try {
      String text = xml.toXml(ContractDocument.DELIVERY_MESSAGE, json.readTree(deliveryMessage));
      return new Encoded(text.substring(text.indexOf("?>") + 2).strip(), null);
    } catch (ContractXmlException e) {
      // pointers only: the messages name members, never values
      return failed(e.violations());
    } catch (IOException e) {
      throw new IllegalStateException("a delivery message the gateway wrote is not JSON", e);
    }
  }

  /** The FocusAssessmentBundle the recipient's FHIR server receives. */
  private Encoded contractFhir(String deliveryMessage) {
    try {
      return new Encoded(
          fhirContext
              .newJsonParser()
              .encodeResourceToString(fhir.deliveryToBundle(json.readTree(deliveryMessage))),
          null);
    } catch (ContractFhirException e) {
      return failed(e.violations());
    } catch (IOException e) {
      throw new IllegalStateException("a delivery message the gateway wrote is not JSON", e);
    }
  }

  /** Pointers only: the messages may quote values, the dead-letter reason must not. */
  private static Encoded failed(List<Violation> violations) {
    return new Encoded(
        null,
        "ENCODING-FAILED "
            + violations.stream().map(Violation::pointer).collect(Collectors.joining(",")));
  }
}
