package eu.focus.gateway.channel.soap;

import eu.focus.contract.Violation;
import eu.focus.gateway.problem.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.springframework.http.HttpStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP channel's one error shape: the content of the REST problem document ({@code
 * api.Problems}) as the {@code FocusFault} element of {@code focus-exchange-v1.wsdl}, in the detail
 * of a SOAP 1.1 Fault whose faultcode is {@code Client} for a 4xx and {@code Server} for a 5xx.
 * Used inside CXF ({@link #toSoapFault()}) and by servlet filters that answer before CXF runs
 * ({@link #writeTo(HttpServletResponse)}).
 *
 * @param code the problem type's last segment, e.g. {@code contract-violation}
 * @param status the HTTP status the REST channel answers for the same refusal
 */
public record FocusFault(
    String code, int status, String title, String detail, String rule, List<Violation> errors) {

  /** Namespace of the exchange service and of FocusFault. */
  public static final String NAMESPACE = "urn:eu:focus:exchange:v1";

  private static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";

  public FocusFault {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** The same content as the problem document the REST channel writes for the exception. */
  public static FocusFault of(ApiException e) {
    return new FocusFault(
        e.code(),
        e.status().value(),
        e.status().getReasonPhrase(),
        e.getMessage(),
        e.rule(),
        e.errors());
  }

  public static FocusFault of(HttpStatus status, String code, String detail) {
    return new FocusFault(code, status.value(), status.getReasonPhrase(), detail, null, null);
  }

  /** Whether the caller is at fault (SOAP 1.1 faultcode Client), not the gateway. */
  public boolean client() {
    return status < 500;
  }

  /** A CXF fault carrying this content; thrown from the channel, CXF writes it. */
  public SoapFault toSoapFault() {
    SoapFault fault = new SoapFault(faultString(), faultCode());
    Element detail = fault.getOrCreateDetail();
    detail.appendChild(toElement(detail.getOwnerDocument()));
    return fault;
  }

  QName faultCode() {
    return client() ? Soap11.getInstance().getSender() : Soap11.getInstance().getReceiver();
  }

  String faultString() {
    return detail != null ? detail : title;
  }

  /** The FocusFault element, created in {@code owner}. */
  public Element toElement(Document owner) {
    Element fault = owner.createElementNS(NAMESPACE, "FocusFault");
    add(fault, "code", code);
    add(fault, "status", Integer.toString(status));
    add(fault, "title", title);
    if (detail != null) {
      add(fault, "detail", detail);
    }
    if (rule != null) {
      add(fault, "rule", rule);
    }
    for (Violation v : errors) {
      Element error = owner.createElementNS(NAMESPACE, "error");
      add(error, "pointer", v.pointer());
      add(error, "message", v.message());
      fault.appendChild(error);
    }
    return fault;
  }

  /**
   * Answers an HTTP request with this fault as a whole SOAP 1.1 envelope, for refusals made before
   * CXF sees the request (authentication, body size). HTTP 500, as SOAP 1.1 and WS-I Basic Profile
   * (R1126) require for a Fault; the REST-equivalent status is in FocusFault's {@code status}.
   */
  public void writeTo(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
    response.setContentType("text/xml");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(toEnvelope());
  }

  /** This fault as a SOAP 1.1 envelope. */
  public String toEnvelope() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document doc = factory.newDocumentBuilder().newDocument();
      Element envelope = doc.createElementNS(SOAP11_NS, "soap:Envelope");
      Element body = doc.createElementNS(SOAP11_NS, "soap:Body");
      Element fault = doc.createElementNS(SOAP11_NS, "soap:Fault");
      doc.appendChild(envelope);
      envelope.appendChild(body);
      body.appendChild(fault);
      add(fault, null, "faultcode", "soap:" + faultCode().getLocalPart());
      add(fault, null, "faultstring", faultString());
      Element detailElement = doc.createElementNS(null, "detail");
      fault.appendChild(detailElement);
      detailElement.appendChild(toElement(doc));
      TransformerFactory tf = TransformerFactory.newInstance();
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString();
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("cannot write a SOAP Fault", e);
    }
  }

  private static void add(Element parent, String name, String text) {
    add(parent, NAMESPACE, name, text);
  }

  private static void add(Element parent, String ns, String name, String text) {
    Element e = parent.getOwnerDocument().createElementNS(ns, name);
    e.setTextContent(text);
    parent.appendChild(e);
  }
}
