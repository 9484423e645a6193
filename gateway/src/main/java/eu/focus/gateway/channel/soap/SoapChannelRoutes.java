package eu.focus.gateway.channel.soap;

import eu.focus.gateway.config.FocusProperties;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.springframework.stereotype.Component;

/**
 * The SOAP channel: a CXF endpoint in PAYLOAD mode built from {@code focus-exchange-v1.wsdl} at
 * {@value #ADDRESS} on the application's CXF servlet ({@code /services}), one {@code direct:} route
 * per operation, and one place where every failure becomes a {@link FocusFault}. Runs where {@code
 * focus.roles} has {@code api}. Authentication happens before CXF, in the Spring Security filter
 * chain; CXF's StAX reader refuses DTDs.
 */
@Component
public class SoapChannelRoutes extends RouteBuilder {

  /** Path of the endpoint under the CXF servlet. */
  public static final String ADDRESS = "/focus/v1/exchange";

  /** Path of the endpoint in the application, for the security and size filters. */
  public static final String PATH = "/services" + ADDRESS;

  static final String WSDL = "classpath:focus/contract/v1/xml/focus-exchange-v1.wsdl";

  private final FocusProperties props;
  private final SoapOperations operations;

  public SoapChannelRoutes(FocusProperties props, SoapOperations operations) {
    this.props = props;
    this.operations = operations;
  }

  @Override
  public void configure() {
    if (!props.runs("api")) {
      return;
    }
    CxfEndpoint endpoint =
        getContext()
            .getEndpoint(
                "cxf:"
                    + ADDRESS
                    + "?wsdlURL="
                    + WSDL
                    + "&serviceName={"
                    + FocusFault.NAMESPACE
                    + "}FocusExchangeService"
                    + "&portName={"
                    + FocusFault.NAMESPACE
                    + "}FocusExchangePort"
                    + "&dataFormat=PAYLOAD"
                    // one thread from the servlet to the services: the caller's security context
                    + "&synchronous=true",
                CxfEndpoint.class);
    endpoint.getOutFaultInterceptors().add(new FocusFaultInterceptor());

    from(endpoint)
        .routeId("soap-exchange")
        .errorHandler(noErrorHandler())
        .doTry()
        .toD("direct:soap-${header." + CxfConstants.OPERATION_NAME + "}")
        .doCatch(Exception.class)
        .process(SoapChannelRoutes::fault)
        .end();

    operation("SubmitAssessment", operations::submitAssessment);
    operation("ReadAssessment", operations::readAssessment);
    operation("GetExchangeStatus", operations::getExchangeStatus);
    operation("RegisterConsent", operations::registerConsent);
    operation("WithdrawConsent", operations::withdrawConsent);
  }

  private void operation(String name, org.apache.camel.Processor step) {
    from("direct:soap-" + name)
        .routeId("soap-" + name)
        .errorHandler(noErrorHandler())
        .process(step);
  }

  /** Every failure of an operation, answered as the channel's one error shape. */
  private static void fault(Exchange exchange) {
    Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    throw SoapFaults.of(caught).toSoapFault();
  }
}
