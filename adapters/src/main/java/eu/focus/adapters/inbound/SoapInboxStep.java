package eu.focus.adapters.inbound;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Source;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.headers.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The SOAP side of an inbound exchange: reads the request's payload and message id, hands them to
 * {@link InboxStep}, answers with the acknowledgement built from the route's {@link #ACK_TEMPLATE},
 * and maps every failure to a SOAP 1.1 Fault (see {@link SoapEndpointTemplate}).
 */
public final class SoapInboxStep implements Processor {

  /** Exchange property holding the route's acknowledgement template. */
  public static final String ACK_TEMPLATE = "FocusAckTemplate";

  /** Namespace of the Fault detail the gateway writes. */
  public static final String FAULT_NS = "urn:focus:gateway:fault:1";

  private static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
  private static final Logger log = LoggerFactory.getLogger(SoapInboxStep.class);

  private final InboxStep inbox = new InboxStep();

  @Override
  public void process(Exchange exchange) {
    String systemId = exchange.getIn().getHeader(InboundHeaders.SYSTEM_ID, String.class);
    try {
      CxfPayload<?> request = exchange.getIn().getMandatoryBody(CxfPayload.class);
      List<Source> body = request.getBodySources();
      if (body == null || body.size() != 1) {
        throw new SoapFault(
            "Expected exactly one SOAP body element", Soap11.getInstance().getSender());
      }
      String payload = toText(body.get(0));
      String messageId = addressingMessageId(request.getHeaders());
      exchange
          .getIn()
          .setHeader(InboundHeaders.MESSAGE_ID, messageId != null ? messageId : digest(payload));
      exchange.getIn().setBody(payload);
      inbox.process(exchange);
      String ack =
          exchange
              .getProperty(ACK_TEMPLATE, String.class)
              .replace(
                  "{exchangeId}",
                  escape(exchange.getIn().getHeader(InboundHeaders.EXCHANGE_ID, String.class)))
              .replace(
                  "{messageId}",
                  escape(exchange.getIn().getHeader(InboundHeaders.MESSAGE_ID, String.class)));
      exchange.getMessage().setBody(new CxfPayload<>(new ArrayList<>(), List.of(parse(ack))));
    } catch (SoapFault fault) {
      throw fault;
    } catch (InboxRejectedException rejected) {
      log.info("Refused a SOAP message from {}: {}", systemId, rejected.code());
      throw clientFault(rejected);
    } catch (Exception e) {
      // the sender learns only that it may try again; our log names the failure's type only, as
      // its message may quote the payload (the gateway logs its own failures in detail)
      log.warn("Could not take in a SOAP message from {}: {}", systemId, e.getClass().getName());
      throw new SoapFault(
          "The gateway could not take the message in; try again later",
          Soap11.getInstance().getReceiver());
    }
  }

  private static SoapFault clientFault(InboxRejectedException rejected) {
    SoapFault fault = new SoapFault(rejected.getMessage(), Soap11.getInstance().getSender());
    Element detail = fault.getOrCreateDetail();
    Document doc = detail.getOwnerDocument();
    Element rejection = doc.createElementNS(FAULT_NS, "rejection");
    Element code = doc.createElementNS(FAULT_NS, "code");
    code.setTextContent(rejected.code());
    rejection.appendChild(code);
    for (String line : rejected.errors()) {
      Element error = doc.createElementNS(FAULT_NS, "error");
      error.setTextContent(line);
      rejection.appendChild(error);
    }
    detail.appendChild(rejection);
    return fault;
  }

  private static String addressingMessageId(List<?> headers) {
    if (headers == null) {
      return null;
    }
    for (Object h : headers) {
      Object content = h instanceof Header header ? header.getObject() : h;
      if (content instanceof Element e
          && WSA_NS.equals(e.getNamespaceURI())
          && "MessageID".equals(e.getLocalName())
          && !e.getTextContent().isBlank()) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  static String digest(String payload) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escape(String value) {
    if (value == null) {
      return "";
    }
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  private static String toText(Source source) throws Exception {
    TransformerFactory factory = TransformerFactory.newInstance();
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    Transformer t = factory.newTransformer();
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter out = new StringWriter();
    t.transform(source, new StreamResult(out));
    return out.toString();
  }

  /** Parses the acknowledgement (configuration, not input) with DTDs off all the same. */
  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    return factory
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)))
        .getDocumentElement();
  }
}
