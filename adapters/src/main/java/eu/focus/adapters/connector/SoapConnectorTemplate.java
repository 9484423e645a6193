package eu.focus.adapters.connector;

import org.apache.camel.builder.RouteBuilder;

/**
 * The SOAP connector type: calls one operation of a recipient's SOAP service with an Apache CXF
 * client built from the recipient's own WSDL.
 *
 * <p>The body is the SOAP body payload as an XML string (the outbound mapping produced it) and is
 * sent as is (CXF {@code dataFormat=PAYLOAD}): no generated classes, so a new national system needs
 * only its WSDL and a mapping. The delivery's idempotency key goes in the HTTP header {@code
 * Idempotency-Key}, not in a SOAP header: a header the WSDL does not declare would be refused by
 * strict services, and the HTTP header is what every connector type sends. A SOAP Fault, an HTTP
 * error, a refused connection or a call slower than {@code timeoutMillis} fails the exchange, so
 * {@link ConnectorRegistry#send} throws {@link ConnectorException}. As in {@link
 * RestJsonConnectorTemplate}, the call runs inside a Resilience4j circuit breaker with a time limit
 * and nothing is retried here: the gateway's durable outbox retries.
 *
 * <p>Template parameters:
 *
 * <ul>
 *   <li>{@code connectorId}: unique id, the route is {@code direct:connector-<connectorId>}
 *   <li>{@code endpointUrl}: the service's address, http or https (overrides the WSDL's)
 *   <li>{@code wsdlUrl}: the recipient's WSDL, a {@code file:}, {@code classpath:} or {@code http:}
 *       URL
 *   <li>{@code serviceName}: the wsdl:service as a QName, {@code {namespace}localName}
 *   <li>{@code portName}: the wsdl:port as a QName, {@code {namespace}localName}
 *   <li>{@code operationName}: the operation to call (local name, in the service's namespace)
 *   <li>{@code timeoutMillis}: time limit of one call (default 5000)
 *   <li>{@code failureRateThreshold}: percent of failed calls that opens the circuit (default 50)
 *   <li>{@code minimumNumberOfCalls}: calls before the failure rate counts (default 5)
 *   <li>{@code waitInOpenStateSeconds}: how long the circuit stays open before a trial call
 *       (default 10)
 * </ul>
 */
public class SoapConnectorTemplate extends RouteBuilder {

  /** The template id used in configuration and by {@link ConnectorRegistry}. */
  public static final String TEMPLATE_ID = "soap-connector";

  @Override
  public void configure() {
    Resilience.declareParameters(routeTemplate(TEMPLATE_ID))
        .templateParameter("connectorId")
        .templateParameter("endpointUrl")
        .templateParameter("wsdlUrl")
        .templateParameter("serviceName")
        .templateParameter("portName")
        .templateParameter("operationName")
        .from("direct:connector-{{connectorId}}")
        .routeId("connector-{{connectorId}}")
        .circuitBreaker()
        .resilience4jConfiguration(Resilience.fromTemplateParameters())
        .removeHeaders("*", ConnectorHeaders.IDEMPOTENCY_KEY)
        // camel-cxf sends the Camel headers left here as HTTP headers of the request
        .setHeader("Idempotency-Key", header(ConnectorHeaders.IDEMPOTENCY_KEY))
        .removeHeaders("Focus*")
        .to(
            "cxf://{{endpointUrl}}?wsdlURL={{wsdlUrl}}"
                + "&serviceName={{serviceName}}&portName={{portName}}"
                + "&defaultOperationName={{operationName}}&dataFormat=PAYLOAD")
        .end();
  }
}
