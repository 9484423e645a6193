package eu.focus.adapters.connector;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;

/**
 * The REST-JSON connector type: POSTs a JSON message to a recipient's HTTP endpoint.
 *
 * <p>Each call runs inside a Resilience4j circuit breaker with a time limit, so a recipient that
 * hangs or keeps failing is short-circuited instead of tying up delivery workers. Retries are not
 * done here: the durable outbox re-schedules a failed delivery with exponential backoff, which
 * survives restarts (see docs/decisions/0003-durable-retry-in-the-outbox.md). Any non-2xx answer is
 * a failure ({@code throwExceptionOnFailure}), and the per-delivery {@value
 * ConnectorHeaders#IDEMPOTENCY_KEY} header lets the recipient ignore a repeat.
 *
 * <p>Template parameters:
 *
 * <ul>
 *   <li>{@code connectorId}: unique id, the route is {@code direct:connector-<connectorId>}
 *   <li>{@code endpointUrl}: the recipient's URL, http or https
 *   <li>{@code timeoutMillis}: time limit of one call
 *   <li>{@code failureRateThreshold}: percent of failed calls that opens the circuit
 *   <li>{@code minimumNumberOfCalls}: calls before the failure rate counts
 *   <li>{@code waitInOpenStateSeconds}: how long the circuit stays open before a trial call
 * </ul>
 */
public class RestJsonConnectorTemplate extends RouteBuilder {

  /** The template id used in configuration and by {@link ConnectorRegistry}. */
  public static final String TEMPLATE_ID = "rest-json-connector";

  @Override
  public void configure() {
    Resilience.declareParameters(routeTemplate(TEMPLATE_ID))
        .templateParameter("connectorId")
        .templateParameter("endpointUrl")
        .from("direct:connector-{{connectorId}}")
        .routeId("connector-{{connectorId}}")
        .circuitBreaker()
        .resilience4jConfiguration(Resilience.fromTemplateParameters())
        .removeHeaders("*", ConnectorHeaders.IDEMPOTENCY_KEY, ConnectorHeaders.MESSAGE_KIND)
        .setHeader("Content-Type", constant("application/json"))
        .setHeader("Idempotency-Key", header(ConnectorHeaders.IDEMPOTENCY_KEY))
        .setHeader("X-Focus-Message-Kind", header(ConnectorHeaders.MESSAGE_KIND))
        .removeHeaders("Focus*")
        .setHeader("CamelHttpMethod", constant(HttpMethods.POST))
        .to("{{endpointUrl}}?throwExceptionOnFailure=true")
        .end();
  }
}
