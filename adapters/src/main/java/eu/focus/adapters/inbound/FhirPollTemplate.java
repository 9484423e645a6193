package eu.focus.adapters.inbound;

import eu.focus.adapters.connector.Resilience;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The FHIR poll inbound type: a national system that keeps its records on a FHIR R4 server and
 * publishes them for the gateway (e.g. Bundles tagged "may be handed over").
 *
 * <p>Every {@code pollIntervalMillis} the route searches {@code [serverUrl]/[resourceType]} with
 * the configured {@code searchParams}, {@code _lastUpdated=gt<cursor>} and {@code
 * _sort=_lastUpdated}, follows the {@code next} links, and hands each resource, as JSON, to the
 * {@link InboxStep} with message id {@code <type>/<id>/_history/<versionId>}: a new version of a
 * resource is a new message, the same version read again is a duplicate the gateway drops. The
 * cursor moves past each resource once the gateway accepted or refused it (a refusal is logged with
 * the id and code); any other failure stops the tick there, and the next tick starts again from
 * that resource. The search runs inside a Resilience4j circuit breaker with a time limit; a server
 * that is down is logged (no payloads) and tried again at the next tick.
 *
 * <p>Template parameters:
 *
 * <ul>
 *   <li>{@code systemId}: the national system's id (set by {@code ConnectorRegistry})
 *   <li>{@code serverUrl}: the FHIR server's base URL
 *   <li>{@code bearerToken}: optional; sent as {@code Authorization: Bearer <token>}, the value the
 *       gateway resolved from an environment variable or secret; never logged. Default: none
 *   <li>{@code resourceType}: what to search for. Default {@code Bundle}
 *   <li>{@code searchParams}: extra search parameters in query form, e.g. {@code
 *       _tag=https://pfsz.example.hu/tag|atadhato}. Default: none
 *   <li>{@code since}: optional FHIR instant the first search starts after (the cursor is kept in
 *       memory only; without it a restarted gateway reads everything again and drops duplicates).
 *       Default: none
 *   <li>{@code pollIntervalMillis}: time between two searches. Default 30000
 *   <li>{@code timeoutMillis}: time limit of one search with all its pages. Default 10000
 *   <li>{@code failureRateThreshold}, {@code minimumNumberOfCalls}, {@code waitInOpenStateSeconds}:
 *       the circuit breaker, as for the outbound types. Defaults 50, 5, 10
 * </ul>
 */
public class FhirPollTemplate extends RouteBuilder {

  /** The template id used in system files and by {@code ConnectorRegistry.registerInbound}. */
  public static final String TEMPLATE_ID = "fhir-poll";

  @Override
  public void configure() {
    Resilience.declareParameters(routeTemplate(TEMPLATE_ID), 10_000)
        .templateParameter("systemId")
        .templateParameter("serverUrl")
        .templateParameter("bearerToken", "")
        .templateParameter("resourceType", "Bundle")
        .templateParameter("searchParams", "")
        .templateParameter("since", "")
        .templateParameter("pollIntervalMillis", "30000")
        // one poller per route, bound once: a templateBean supplier would make a new one (and
        // lose the cursor) at every lookup
        .configure(
            rtc ->
                rtc.bind(
                    "fhirPoller",
                    FhirPoller.class,
                    new FhirPoller(
                        rtc.getProperty("systemId", String.class),
                        rtc.getProperty("serverUrl", String.class),
                        rtc.getProperty("timeoutMillis", Integer.class),
                        rtc.getProperty("bearerToken", String.class),
                        rtc.getProperty("resourceType", String.class),
                        rtc.getProperty("searchParams", String.class),
                        rtc.getProperty("since", String.class))))
        .from("timer:fhir-poll-{{systemId}}?period={{pollIntervalMillis}}&delay=0")
        .routeId("inbound-{{systemId}}")
        .onException(Exception.class)
        .handled(true)
        .log(
            LoggingLevel.WARN,
            "eu.focus.adapters.inbound.FhirPoller",
            "FHIR poll of {{systemId}} failed, next try at the next tick: ${exception.class.simpleName}")
        .end()
        .setHeader(InboundHeaders.SYSTEM_ID, constant("{{systemId}}"))
        .circuitBreaker()
        .resilience4jConfiguration(Resilience.fromTemplateParameters())
        .to("bean:{{fhirPoller}}?method=search")
        .end()
        .split(body())
        .stopOnException()
        .to("bean:{{fhirPoller}}?method=prepare")
        .doTry()
        .process(new InboxStep())
        .doCatch(InboxRejectedException.class)
        .to("bean:{{fhirPoller}}?method=refused")
        .end()
        .to("bean:{{fhirPoller}}?method=advance")
        .end();
  }
}
