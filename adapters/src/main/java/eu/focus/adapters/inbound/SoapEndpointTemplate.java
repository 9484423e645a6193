package eu.focus.adapters.inbound;

import org.apache.camel.builder.RouteBuilder;

/**
 * The SOAP endpoint inbound type: a CXF endpoint, built from the national system's own WSDL, that
 * the national system pushes its messages to.
 *
 * <p>Each request's SOAP body payload (CXF {@code dataFormat=PAYLOAD}, no generated classes) is
 * handed to the gateway's {@link NationalInbox} by {@link SoapInboxStep}, which also builds the
 * acknowledgement and turns every failure into a SOAP 1.1 Fault: a refusal ({@link
 * InboxRejectedException}) becomes faultcode {@code Client} with the code and every error line in
 * the {@code detail}; anything else a {@code Server} fault that reveals nothing of the gateway.
 * CXF's StAX reader refuses documents with a DTD, so external entities and entity expansion
 * ("billion laughs") never reach the inbox.
 *
 * <p>Template parameters:
 *
 * <ul>
 *   <li>{@code systemId}: the national system's id (set by {@code
 *       ConnectorRegistry.registerInbound}); becomes {@link InboundHeaders#SYSTEM_ID}
 *   <li>{@code wsdlUrl}: the system's WSDL, a {@code file:}, {@code classpath:} or {@code http:}
 *       URL
 *   <li>{@code serviceName}: the wsdl:service as a QName, {@code {namespace}localName}
 *   <li>{@code portName}: the wsdl:port as a QName, {@code {namespace}localName}
 *   <li>{@code address}: where the endpoint listens. A path such as {@code /national/nl-raad} is
 *       served by the application's CXF servlet: under Spring Boot at {@code
 *       http://<host>:<port>/services/national/nl-raad} ({@code cxf.path} moves {@code /services}),
 *       and in route tests by a {@link eu.focus.demo.simulator.CxfServletServer} on the same CXF
 *       bus. An absolute {@code http://host:port/path} needs a standalone CXF HTTP server transport
 *       ({@code cxf-rt-transports-http-jetty} or {@code -undertow}), which is not on the gateway's
 *       class path: use paths.
 *   <li>{@code ackTemplate}: the acknowledgement payload, an XML element that matches the
 *       operation's output element in the system's WSDL, with the placeholders {@code {exchangeId}}
 *       (the exchange the gateway created) and {@code {messageId}} (the id the message was taken in
 *       under); the values are XML-escaped. Example: {@code <ack
 *       xmlns="urn:nl:raad:1"><ontvangstnummer>{exchangeId}</ontvangstnummer></ack>}
 * </ul>
 *
 * <p>{@link InboundHeaders#MESSAGE_ID} is the request's WS-Addressing {@code MessageID} when it has
 * one, else {@code sha256:<hex>} of the payload, so a system that sends the same message again is
 * recognised by the gateway either way.
 */
public class SoapEndpointTemplate extends RouteBuilder {

  /** The template id used in system files and by {@code ConnectorRegistry.registerInbound}. */
  public static final String TEMPLATE_ID = "soap-endpoint";

  @Override
  public void configure() {
    routeTemplate(TEMPLATE_ID)
        .templateParameter("systemId")
        .templateParameter("wsdlUrl")
        .templateParameter("serviceName")
        .templateParameter("portName")
        .templateParameter("address")
        .templateParameter("ackTemplate")
        .from(
            "cxf://{{address}}?wsdlURL={{wsdlUrl}}"
                + "&serviceName={{serviceName}}&portName={{portName}}&dataFormat=PAYLOAD")
        .routeId("inbound-{{systemId}}")
        // SoapInboxStep answers every failure itself, as a SOAP Fault; nothing to redeliver or log
        .errorHandler(noErrorHandler())
        .setHeader(InboundHeaders.SYSTEM_ID, constant("{{systemId}}"))
        .setProperty(SoapInboxStep.ACK_TEMPLATE, constant("{{ackTemplate}}"))
        .process(new SoapInboxStep());
  }
}
