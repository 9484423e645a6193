package eu.focus.adapters.connector;

import org.apache.camel.builder.RouteBuilder;

/**
 * The FHIR connector type: delivers a FHIR R4 JSON resource (made by the outbound mapping) to a
 * FHIR server with the HAPI FHIR client. A Bundle of type {@code transaction} or {@code batch} is
 * POSTed to the server base; any other resource is created (POST {@code [base]/[type]}).
 *
 * <p>Like every outbound type, each call runs inside a Resilience4j circuit breaker with a time
 * limit, and is never retried here: the durable outbox retries whatever throws. An error answer
 * (non-2xx, with or without an OperationOutcome), a failed batch entry, a timeout or an unreachable
 * server is a failure. Every request carries {@code Idempotency-Key}. A plain create has no
 * server-side guard against a repeat after a lost answer: when that matters, the mapping should
 * send a transaction whose entries set {@code request.ifNoneExist}, which is passed through as is.
 *
 * <p>Template parameters:
 *
 * <ul>
 *   <li>{@code connectorId}: unique id, the route is {@code direct:connector-<connectorId>}
 *   <li>{@code serverUrl}: the FHIR server's base URL, e.g. {@code https://fhir.example.hu/r4}
 *   <li>{@code bearerToken}: optional; sent as {@code Authorization: Bearer <token>}. The value the
 *       gateway resolved from an environment variable or secret; never logged. Default: none
 *   <li>{@code timeoutMillis}: time limit of one call (also the HTTP connect and read timeout).
 *       Default 5000
 *   <li>{@code failureRateThreshold}: percent of failed calls that opens the circuit. Default 50
 *   <li>{@code minimumNumberOfCalls}: calls before the failure rate counts. Default 5
 *   <li>{@code waitInOpenStateSeconds}: how long the circuit stays open before a trial call.
 *       Default 10
 * </ul>
 */
public class FhirConnectorTemplate extends RouteBuilder {

  /** The template id used in configuration and by {@link ConnectorRegistry}. */
  public static final String TEMPLATE_ID = "fhir-connector";

  @Override
  public void configure() {
    Resilience.declareParameters(routeTemplate(TEMPLATE_ID))
        .templateParameter("connectorId")
        .templateParameter("serverUrl")
        .templateParameter("bearerToken", "")
        .templateBean(
            "fhirSender",
            FhirSender.class,
            rtc ->
                new FhirSender(
                    rtc.getProperty("serverUrl", String.class),
                    rtc.getProperty("timeoutMillis", Integer.class),
                    rtc.getProperty("bearerToken", String.class)))
        .from("direct:connector-{{connectorId}}")
        .routeId("connector-{{connectorId}}")
        .circuitBreaker()
        .resilience4jConfiguration(Resilience.fromTemplateParameters())
        .process("{{fhirSender}}")
        .end();
  }
}
