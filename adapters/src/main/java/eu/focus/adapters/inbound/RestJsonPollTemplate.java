package eu.focus.adapters.inbound;

import eu.focus.adapters.connector.Resilience;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The REST-JSON poll inbound type, for national systems that do not push: every {@code
 * pollIntervalMillis} it GETs the system's feed and hands each item to the gateway's {@link
 * NationalInbox}, with the item's id as {@link InboundHeaders#MESSAGE_ID}.
 *
 * <p>After an item was handled, accepted or refused, it is acknowledged (when {@code ackUrl} is
 * set), so the feed stops serving it: a refused item is the gateway's to report, not to fetch
 * forever. An item is handed to the inbox at most once per run (an in-memory idempotent consumer;
 * the gateway also deduplicates durably by message id); only when the inbox itself failed (not a
 * refusal) is it offered again on the next tick. An item whose acknowledgement failed is
 * acknowledged again when the feed serves it again, without being handed over twice. Both HTTP
 * calls run inside Resilience4j circuit breakers with a time limit. A feed that is down, slow or
 * malformed is logged (without payloads) and tried again on the next tick; the route keeps running.
 *
 * <p>Template parameters:
 *
 * <ul>
 *   <li>{@code systemId}: the national system's id (set by {@code
 *       ConnectorRegistry.registerInbound}); becomes {@link InboundHeaders#SYSTEM_ID}
 *   <li>{@code pollUrl}: the feed's URL, http or https
 *   <li>{@code pollIntervalMillis}: time between the end of one poll and the next (default 5000)
 *   <li>{@code itemsPointer}: JSON pointer to the items array in the feed's answer; empty when the
 *       answer is the array itself (default empty)
 *   <li>{@code idPointer}: JSON pointer to an item's id within the item (default {@code /id})
 *   <li>{@code authorizationHeader}: value of the {@code Authorization} header of the poll and
 *       acknowledgement calls, as the gateway resolved it from a secret; never logged (default
 *       empty: no header)
 *   <li>{@code ackUrl}: URL that acknowledges one item, {@code {id}} replaced by the URL-encoded
 *       item id; empty for feeds that need no acknowledgement (default empty)
 *   <li>{@code ackMethod}: HTTP method of the acknowledgement (default DELETE)
 *   <li>{@code timeoutMillis}: time limit of one HTTP call (default 5000)
 *   <li>{@code failureRateThreshold}: percent of failed calls that opens the circuit (default 50)
 *   <li>{@code minimumNumberOfCalls}: calls before the failure rate counts (default 5)
 *   <li>{@code waitInOpenStateSeconds}: how long the circuit stays open before a trial call
 *       (default 10)
 * </ul>
 */
public class RestJsonPollTemplate extends RouteBuilder {

  /** The template id used in system files and by {@code ConnectorRegistry.registerInbound}. */
  public static final String TEMPLATE_ID = "rest-json-poll";

  /** How many item ids one route remembers (oldest forgotten first). */
  static final int REMEMBERED_IDS = 100_000;

  @Override
  public void configure() {
    Resilience.declareParameters(routeTemplate(TEMPLATE_ID))
        .templateParameter("systemId")
        .templateParameter("pollUrl")
        .templateParameter("pollIntervalMillis", "5000")
        .templateParameter("itemsPointer", "")
        .templateParameter("idPointer", "/id")
        .templateParameter("authorizationHeader", "")
        .templateParameter("ackUrl", "")
        .templateParameter("ackMethod", HttpMethods.DELETE.name())
        .templateBean(
            "handedOverIds",
            IdempotentRepository.class,
            rtc -> MemoryIdempotentRepository.memoryIdempotentRepository(REMEMBERED_IDS))
        .from("timer:rest-json-poll-{{systemId}}?period={{pollIntervalMillis}}&delay=0")
        .routeId("inbound-{{systemId}}")
        // a feed that is down, slow or malformed must not stop the route: log and wait a tick
        .doTry()
        .setProperty(FeedCalls.AUTHORIZATION, constant("{{authorizationHeader}}"))
        .setProperty(FeedCalls.ITEMS_POINTER, constant("{{itemsPointer}}"))
        .setProperty(FeedCalls.ID_POINTER, constant("{{idPointer}}"))
        .setProperty(FeedCalls.ACK_URL, constant("{{ackUrl}}"))
        .setProperty(FeedCalls.ACK_METHOD, constant("{{ackMethod}}"))
        .process(FeedCalls::preparePoll)
        .circuitBreaker()
        .resilience4jConfiguration(Resilience.fromTemplateParameters())
        .to("{{pollUrl}}?throwExceptionOnFailure=true")
        .end()
        .setHeader(InboundHeaders.SYSTEM_ID, constant("{{systemId}}"))
        .process(FeedCalls::splitItems)
        .split(body())
        .process(FeedCalls::unpackItem)
        .idempotentConsumer(header(InboundHeaders.MESSAGE_ID))
        .idempotentRepository("{{handedOverIds}}")
        .skipDuplicate(false)
        .completionEager(true)
        .filter(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isNull())
        .doTry()
        .process(new InboxStep())
        .doCatch(InboxRejectedException.class)
        .log(
            LoggingLevel.INFO,
            "{{systemId}} item ${header." + InboundHeaders.MESSAGE_ID + "} refused by the gateway")
        .end()
        .end()
        .end()
        .filter(exchangeProperty(FeedCalls.ACK_URL).isNotEqualTo(""))
        .process(FeedCalls::prepareAck)
        .circuitBreaker()
        .resilience4jConfiguration(Resilience.fromTemplateParameters())
        .to("{{pollUrl}}?throwExceptionOnFailure=true")
        .end()
        .end()
        .end()
        .endDoTry()
        .doCatch(Exception.class)
        .log(
            LoggingLevel.WARN,
            "Poll of {{systemId}} failed, trying again next tick: ${exception.class.simpleName}")
        .end();
  }
}
