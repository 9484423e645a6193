package eu.focus.gateway.channel.soap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.springframework.http.HttpStatus;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Gives the faults CXF raises by itself the channel's shape: a request that is not well-formed XML,
 * carries a DTD (CXF's StAX reader refuses DTDs, hence external entities and entity expansion), or
 * names no operation of the WSDL is answered with a {@link FocusFault} {@code malformed} (400)
 * instead of CXF's own text, which may quote the input; any other fault without a FocusFault is a
 * Server fault that reveals nothing. Faults the channel threw already carry their FocusFault and
 * pass unchanged.
 */
final class FocusFaultInterceptor extends AbstractSoapInterceptor {

  FocusFaultInterceptor() {
    super(Phase.PREPARE_SEND);
  }

  @Override
  public void handleMessage(SoapMessage message) {
    if (!(message.getContent(Exception.class) instanceof Fault fault) || hasFocusFault(fault)) {
      return;
    }
    boolean client =
        Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())
            || fault.getFaultCode().getLocalPart().equals("Client")
            || fault.getFaultCode().getLocalPart().equals("Sender");
    FocusFault focus =
        client
            ? FocusFault.of(HttpStatus.BAD_REQUEST, "malformed", malformedDetail(fault))
            : FocusFault.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "The gateway failed unexpectedly; nothing was stored");
    fault.setMessage(focus.faultString());
    fault.setFaultCode(focus.faultCode());
    Element detail = fault.getOrCreateDetail();
    while (detail.getFirstChild() != null) {
      detail.removeChild(detail.getFirstChild());
    }
    detail.appendChild(focus.toElement(detail.getOwnerDocument()));
  }

  private static String malformedDetail(Fault fault) {
    for (Throwable t = fault; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("DTD") || m.contains("DOCTYPE")) {
        return "The request has a DTD (DOCTYPE); DTDs and entity declarations are refused";
      }
    }
    return "The request is not a well-formed SOAP 1.1 message for an operation of this service";
  }

  private static boolean hasFocusFault(Fault fault) {
    if (!fault.hasDetails()) {
      return false;
    }
    for (Node n = fault.getDetail().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (FocusFault.NAMESPACE.equals(n.getNamespaceURI())
          && "FocusFault".equals(n.getLocalName())) {
        return true;
      }
    }
    return false;
  }
}
