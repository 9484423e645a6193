package eu.focus.adapters.inbound;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@link RestJsonPollTemplate} that know the feed's shape: the HTTP requests (poll and
 * acknowledgement) and reading items and their ids with JSON pointers.
 */
final class FeedCalls {

  static final String AUTHORIZATION = "FocusPollAuthorization";
  static final String ITEMS_POINTER = "FocusPollItemsPointer";
  static final String ID_POINTER = "FocusPollIdPointer";
  static final String ACK_URL = "FocusPollAckUrl";
  static final String ACK_METHOD = "FocusPollAckMethod";

  /** One item of the feed: its id and the item serialised as JSON. */
  record Item(String id, String json) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(FeedCalls.class);

  private FeedCalls() {}

  static void preparePoll(Exchange exchange) {
    exchange.getIn().removeHeaders("Camel*");
    exchange.getIn().setHeader(Exchange.HTTP_METHOD, HttpMethods.GET);
    exchange.getIn().setHeader("Accept", "application/json");
    authorize(exchange);
  }

  /**
   * Replaces the feed's answer by its items.
   *
   * @throws IllegalArgumentException when the answer is not JSON or has no array where expected
   */
  static void splitItems(Exchange exchange) throws Exception {
    String systemId = exchange.getIn().getHeader(InboundHeaders.SYSTEM_ID, String.class);
    JsonNode root = JSON.readTree(exchange.getIn().getBody(String.class));
    String itemsPointer = exchange.getProperty(ITEMS_POINTER, "", String.class);
    JsonNode items = itemsPointer.isEmpty() ? root : root.at(JsonPointer.compile(itemsPointer));
    if (!items.isArray()) {
      throw new IllegalArgumentException(
          "The feed of " + systemId + " has no array at '" + itemsPointer + "'");
    }
    JsonPointer idPointer = JsonPointer.compile(exchange.getProperty(ID_POINTER, String.class));
    List<Item> found = new ArrayList<>();
    int position = 0;
    for (JsonNode item : items) {
      JsonNode id = item.at(idPointer);
      if (id.isValueNode() && !id.asText().isBlank()) {
        found.add(new Item(id.asText(), JSON.writeValueAsString(item)));
      } else {
        log.warn(
            "Item {} of the feed of {} has no id at {}; skipped", position, systemId, idPointer);
      }
      position++;
    }
    exchange.getIn().setBody(found);
  }

  static void unpackItem(Exchange exchange) {
    Item item = exchange.getIn().getBody(Item.class);
    exchange.getIn().setHeader(InboundHeaders.MESSAGE_ID, item.id());
    exchange.getIn().setBody(item.json());
  }

  static void prepareAck(Exchange exchange) {
    String id = exchange.getIn().getHeader(InboundHeaders.MESSAGE_ID, String.class);
    String url =
        exchange
            .getProperty(ACK_URL, String.class)
            .replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    exchange.getIn().removeHeaders("*");
    exchange.getIn().setHeader(Exchange.HTTP_URI, url);
    exchange
        .getIn()
        .setHeader(Exchange.HTTP_METHOD, exchange.getProperty(ACK_METHOD, String.class));
    exchange.getIn().setBody(null);
    authorize(exchange);
  }

  private static void authorize(Exchange exchange) {
    String authorization = exchange.getProperty(AUTHORIZATION, "", String.class);
    if (!authorization.isBlank()) {
      exchange.getIn().setHeader("Authorization", authorization);
    }
  }
}
