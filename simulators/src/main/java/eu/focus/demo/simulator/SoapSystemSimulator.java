package eu.focus.demo.simulator;

import jakarta.annotation.Resource;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.namespace.QName;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Source;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;

/**
 * A simulated national SOAP system: a real CXF server that publishes the system's own WSDL
 * (document/literal, PAYLOAD style) on {@code http://127.0.0.1:<port><path>}, records every payload
 * it receives with its {@code Idempotency-Key} HTTP header, and answers with a configurable
 * acknowledgement payload or a SOAP Fault.
 *
 * <p>{@link #stop()} and {@link #start()} simulate an outage and the return on the same port. The
 * other direction, the national system pushing to the gateway, is {@link #push}.
 */
public class SoapSystemSimulator implements AutoCloseable {

  /** One request as the simulated system received it. */
  public record Received(String payload, String idempotencyKey) {}

  private final Bus bus = BusFactory.newInstance().createBus();
  private final CxfServletServer http;
  private final Recorder recorder = new Recorder();
  private final String path;
  private final Server server;

  /**
   * @param wsdlUrl the system's WSDL (file:, classpath: or http: URL)
   * @param serviceName the wsdl:service, {@code {ns}local}
   * @param portName the wsdl:port, {@code {ns}local}
   * @param port the port to listen on, 0 for a free one
   * @param path the path, e.g. {@code /assessment}
   * @param acknowledgement the payload answered to every request (the operation's output element)
   */
  public SoapSystemSimulator(
      String wsdlUrl,
      String serviceName,
      String portName,
      int port,
      String path,
      String acknowledgement) {
    this.path = path;
    recorder.acknowledgement = acknowledgement;
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(recorder);
    factory.setServiceClass(Recorder.class);
    factory.setWsdlLocation(wsdlUrl);
    factory.setServiceName(QName.valueOf(serviceName));
    factory.setEndpointName(QName.valueOf(portName));
    factory.setAddress(path);
    factory.setStart(false);
    server = factory.create();
    server.start();
    http = new CxfServletServer(bus, port);
  }

  /** Starts (or restarts, on the same port) answering. */
  public synchronized void start() {
    http.start();
  }

  /** Stops answering: connections are refused, as when the national system is down. */
  public synchronized void stop() {
    http.stop();
  }

  /** The URL the gateway's soap-connector sends to. */
  public String endpointUrl() {
    return http.baseUrl() + path;
  }

  /** Every request received so far, oldest first. */
  public List<Received> received() {
    return List.copyOf(recorder.received);
  }

  /** Answer every following request with this acknowledgement payload. */
  public void acknowledgeWith(String payload) {
    recorder.acknowledgement = payload;
    recorder.faultReason = null;
  }

  /** Answer every following request with a SOAP Fault (Client) with this reason. */
  public void answerWithFault(String reason) {
    recorder.faultReason = reason;
  }

  /**
   * Acts as the national system pushing to the gateway: sends {@code payload} (the SOAP body
   * element) through a JAX-WS Dispatch client built from the WSDL and returns the answer's payload.
   *
   * @throws jakarta.xml.ws.WebServiceException when the gateway answers with a Fault (its cause is
   *     the CXF {@code SoapFault}, with the fault code and detail)
   */
  public static String push(
      String wsdlUrl, String serviceName, String portName, String endpointUrl, String payload) {
    return push(wsdlUrl, serviceName, portName, endpointUrl, payload, Map.of());
  }

  /**
   * As {@link #push(String, String, String, String, String)}, with HTTP headers on the request
   * (e.g. {@code Authorization: Bearer ...} for the gateway).
   */
  public static String push(
      String wsdlUrl,
      String serviceName,
      String portName,
      String endpointUrl,
      String payload,
      Map<String, String> httpHeaders) {
    try {
      Service service = Service.create(new URL(wsdlUrl), QName.valueOf(serviceName));
      Dispatch<Source> dispatch =
          service.createDispatch(QName.valueOf(portName), Source.class, Service.Mode.PAYLOAD);
      dispatch.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, endpointUrl);
      Map<String, List<String>> headers = new java.util.HashMap<>();
      httpHeaders.forEach((k, v) -> headers.put(k, List.of(v)));
      dispatch
          .getRequestContext()
          .put(jakarta.xml.ws.handler.MessageContext.HTTP_REQUEST_HEADERS, headers);
      Source answer = dispatch.invoke(new StreamSource(new StringReader(payload)));
      return toText(answer);
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException("Bad WSDL URL " + wsdlUrl, e);
    }
  }

  @Override
  public void close() {
    http.close();
    server.destroy();
    bus.shutdown(true);
  }

  static String toText(Source source) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      t.transform(source, new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("Cannot serialise a SOAP payload", e);
    }
  }

  /** The simulated system's service implementation: records and acknowledges. */
  @WebServiceProvider
  @ServiceMode(Service.Mode.PAYLOAD)
  public static class Recorder implements Provider<Source> {

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String acknowledgement;
    private volatile String faultReason;

    @Resource private WebServiceContext context;

    @Override
    public Source invoke(Source request) {
      received.add(new Received(toText(request), idempotencyKey()));
      String reason = faultReason;
      if (reason != null) {
        throw new Fault(new IllegalArgumentException(reason));
      }
      return new StreamSource(new StringReader(acknowledgement));
    }

    private String idempotencyKey() {
      if (context == null) {
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, List<String>> headers =
          (Map<String, List<String>>)
              context.getMessageContext().get(MessageContext.HTTP_REQUEST_HEADERS);
      if (headers == null) {
        return null;
      }
      return headers.entrySet().stream()
          .filter(e -> "Idempotency-Key".equalsIgnoreCase(e.getKey()))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }
  }
}
