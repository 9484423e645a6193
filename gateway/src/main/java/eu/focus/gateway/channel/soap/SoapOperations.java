package eu.focus.gateway.channel.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.xml.ContractXml;
import eu.focus.gateway.access.RecordAccessService;
import eu.focus.gateway.consent.ConsentService;
import eu.focus.gateway.intake.IntakeService;
import eu.focus.gateway.outbox.ExchangeStatusService;
import eu.focus.gateway.problem.ApiException;
import eu.focus.gateway.security.Caller;
import eu.focus.gateway.security.CallerArgumentResolver;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The operations of {@code focus-exchange-v1.wsdl}: each reads its request element, turns contract
 * documents into JSON with {@link ContractXml}, calls the service the REST controller calls, and
 * writes the same answer as XML. No rules here: validation, policy and access checks happen in the
 * services, so both channels decide alike. Failures propagate to {@link SoapChannelRoutes}, which
 * answers them with a {@link FocusFault}.
 */
@Component
public class SoapOperations {

  /** Recorded in the audit log as the channel of a submission. */
  static final String CHANNEL = "SOAP";

  private final IntakeService intake;
  private final RecordAccessService access;
  private final ExchangeStatusService exchanges;
  private final ConsentService consents;
  private final ContractXml xml;
  private final ObjectMapper json;

  public SoapOperations(
      IntakeService intake,
      RecordAccessService access,
      ExchangeStatusService exchanges,
      ConsentService consents,
      ContractXml xml,
      ObjectMapper json) {
    this.intake = intake;
    this.access = access;
    this.exchanges = exchanges;
    this.consents = consents;
    this.xml = xml;
    this.json = json;
  }

  /** SubmitAssessment: as POST /api/v1/exchanges. */
  public void submitAssessment(Exchange exchange) {
    JsonNode submission =
        xml.fromElement(ContractDocument.SUBMISSION, document(request(exchange), "Submission"));
    var result = intake.submit(caller(), submission, null, CHANNEL);
    reply(
        exchange,
        d -> SoapResults.element(d, "SubmitAssessmentResponse", json.valueToTree(result)));
  }

  /** ReadAssessment: as GET /api/v1/records/{recordId}?version=. */
  public void readAssessment(Exchange exchange) {
    Element request = request(exchange);
    String version = optionalText(request, "version");
    RecordAccessService.View view =
        access.read(
            caller(),
            text(request, "recordId"),
            version == null ? null : integer(version),
            CHANNEL);
    reply(
        exchange,
        d -> {
          Element response = d.createElementNS(FocusFault.NAMESPACE, "ReadAssessmentResponse");
          response.appendChild(
              SoapResults.element(d, "recordId", json.valueToTree(view.recordId())));
          response.appendChild(SoapResults.element(d, "version", json.valueToTree(view.version())));
          response.appendChild(
              SoapResults.element(d, "withheldClasses", json.valueToTree(view.withheldClasses())));
          response.appendChild(
              xml.toElement(
                  ContractDocument.RECORD, view.record(), d, FocusFault.NAMESPACE, "record"));
          return response;
        });
  }

  /** GetExchangeStatus: as GET /api/v1/exchanges/{exchangeId}. */
  public void getExchangeStatus(Exchange exchange) {
    var status = exchanges.status(caller(), text(request(exchange), "exchangeId"));
    reply(
        exchange,
        d -> SoapResults.element(d, "GetExchangeStatusResponse", json.valueToTree(status)));
  }

  /** RegisterConsent: as POST /api/v1/consents. */
  public void registerConsent(Exchange exchange) {
    JsonNode consent =
        xml.fromElement(ContractDocument.CONSENT, document(request(exchange), "Consent"));
    JsonNode registered = consents.register(caller(), consent).content();
    reply(
        exchange,
        d -> {
          Element response = d.createElementNS(FocusFault.NAMESPACE, "RegisterConsentResponse");
          response.appendChild(
              xml.toElement(
                  ContractDocument.CONSENT,
                  registered,
                  d,
                  ContractXml.NAMESPACE,
                  ContractXml.elementName(ContractDocument.CONSENT)));
          return response;
        });
  }

  /** WithdrawConsent: as POST /api/v1/consents/{consentId}/withdrawal. */
  public void withdrawConsent(Exchange exchange) {
    var withdrawal = consents.withdraw(caller(), text(request(exchange), "consentId"));
    reply(
        exchange,
        d -> SoapResults.element(d, "WithdrawConsentResponse", json.valueToTree(withdrawal)));
  }

  // ---- request and reply

  private static Caller caller() {
    return CallerArgumentResolver.current();
  }

  private static Element request(Exchange exchange) {
    CxfPayload<?> payload = exchange.getIn().getBody(CxfPayload.class);
    List<Element> body = payload == null ? List.of() : payload.getBody();
    if (body.size() != 1) {
      throw badRequest("Expected exactly one element in the SOAP body");
    }
    return body.get(0);
  }

  /** The contract document wrapped by a request element, e.g. the Submission. */
  private static Element document(Element request, String name) {
    Element found = null;
    for (Element child : children(request)) {
      if (!ContractXml.NAMESPACE.equals(child.getNamespaceURI())
          || !name.equals(child.getLocalName())
          || found != null) {
        throw ApiException.invalid(
            "Expected one " + name + " element",
            List.of(
                new eu.focus.contract.Violation(
                    "",
                    "expected exactly one " + name + " in namespace " + ContractXml.NAMESPACE)));
      }
      found = child;
    }
    if (found == null) {
      throw ApiException.invalid(
          "Expected one " + name + " element",
          List.of(new eu.focus.contract.Violation("", "missing " + name)));
    }
    return found;
  }

  private static String text(Element request, String name) {
    String value = optionalText(request, name);
    if (value == null || value.isBlank()) {
      throw badRequest(name + " is required");
    }
    return value;
  }

  private static String optionalText(Element request, String name) {
    for (Element child : children(request)) {
      if (FocusFault.NAMESPACE.equals(child.getNamespaceURI())
          && name.equals(child.getLocalName())) {
        return child.getTextContent().strip();
      }
    }
    return null;
  }

  private static int integer(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw badRequest("version must be an integer");
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        children.add(e);
      }
    }
    return children;
  }

  private static ApiException badRequest(String detail) {
    return ApiException.of(HttpStatus.BAD_REQUEST, "bad-request", detail);
  }

  private interface ResponseWriter {
    Element write(Document owner);
  }

  private static void reply(Exchange exchange, ResponseWriter writer) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document owner = factory.newDocumentBuilder().newDocument();
      Element response = writer.write(owner);
      owner.appendChild(response);
      exchange.getMessage().setBody(new CxfPayload<>(new ArrayList<>(), List.of(response)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
