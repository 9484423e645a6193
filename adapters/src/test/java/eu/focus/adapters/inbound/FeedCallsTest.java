package eu.focus.adapters.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class FeedCallsTest {

  private final DefaultCamelContext camel = new DefaultCamelContext();

  private Exchange feedAnswer(String json, String itemsPointer, String idPointer) {
    Exchange exchange = new DefaultExchange(camel);
    exchange.getIn().setBody(json);
    exchange.getIn().setHeader(InboundHeaders.SYSTEM_ID, "gr-test");
    exchange.setProperty(FeedCalls.ITEMS_POINTER, itemsPointer);
    exchange.setProperty(FeedCalls.ID_POINTER, idPointer);
    return exchange;
  }

  @Test
  void readsItemsAndIdsAtTheirPointersAndSkipsItemsWithoutId() throws Exception {
    Exchange exchange =
        feedAnswer(
            "{\"data\":{\"messages\":["
                + "{\"meta\":{\"uid\":\"GR-1\"},\"text\":\"a\"},"
                + "{\"meta\":{},\"text\":\"no id\"},"
                + "{\"meta\":{\"uid\":42},\"text\":\"b\"}]}}",
            "/data/messages",
            "/meta/uid");

    FeedCalls.splitItems(exchange);

    @SuppressWarnings("unchecked")
    List<FeedCalls.Item> items = exchange.getIn().getBody(List.class);
    assertThat(items)
        .containsExactly(
            new FeedCalls.Item("GR-1", "{\"meta\":{\"uid\":\"GR-1\"},\"text\":\"a\"}"),
            new FeedCalls.Item("42", "{\"meta\":{\"uid\":42},\"text\":\"b\"}"));
  }

  @Test
  void refusesAnAnswerWithoutArrayAtThePointer() {
    Exchange exchange = feedAnswer("{\"data\":{}}", "/data/messages", "/id");

    assertThatThrownBy(() -> FeedCalls.splitItems(exchange))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/data/messages");
  }

  @Test
  void buildsTheAcknowledgementWithTheEncodedIdAndTheAuthorization() {
    Exchange exchange = new DefaultExchange(camel);
    exchange.getIn().setHeader(InboundHeaders.MESSAGE_ID, "GR 7/2026");
    exchange.getIn().setHeader("FocusSystemId", "gr-test");
    exchange.setProperty(FeedCalls.ACK_URL, "http://127.0.0.1:1/feed/{id}/ack");
    exchange.setProperty(FeedCalls.ACK_METHOD, "POST");
    exchange.setProperty(FeedCalls.AUTHORIZATION, "Bearer t0k3n");

    FeedCalls.prepareAck(exchange);

    assertThat(exchange.getIn().getHeader(Exchange.HTTP_URI))
        .isEqualTo("http://127.0.0.1:1/feed/GR%207%2F2026/ack");
    assertThat(exchange.getIn().getHeader(Exchange.HTTP_METHOD)).isEqualTo("POST");
    assertThat(exchange.getIn().getHeader("Authorization")).isEqualTo("Bearer t0k3n");
    assertThat(exchange.getIn().getHeader("FocusSystemId")).isNull();
  }
}
