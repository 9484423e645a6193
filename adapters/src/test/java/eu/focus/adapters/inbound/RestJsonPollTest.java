package eu.focus.adapters.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.focus.adapters.connector.ConnectorRegistry;
import eu.focus.adapters.connector.ConnectorSpec;
import eu.focus.demo.simulator.PollFeedSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestJsonPollTest {

  private static final String FEED = "/hu-probation/messages";

  private final RecordingInbox inbox = new RecordingInbox();
  private PollFeedSimulator feed;
  private DefaultCamelContext camel;

  @BeforeEach
  void start() throws Exception {
    feed = new PollFeedSimulator(0);
    feed.start();
    camel = new DefaultCamelContext();
    camel.getRegistry().bind("inbox", NationalInbox.class, inbox);
    camel.addRoutes(new RestJsonPollTemplate());
    camel.start();
  }

  @AfterEach
  void stop() {
    camel.stop();
    feed.close();
  }

  private void poll(Map<String, String> extra) {
    Map<String, String> params = new java.util.HashMap<>();
    params.put("pollUrl", feed.feedUrl(FEED));
    params.put("pollIntervalMillis", "100");
    params.put("itemsPointer", "");
    params.put("idPointer", "/azonosito");
    params.put("ackUrl", feed.ackUrl(FEED));
    params.put("timeoutMillis", "2000");
    params.put("minimumNumberOfCalls", "100");
    params.putAll(extra);
    new ConnectorRegistry(camel)
        .registerInbound(new ConnectorSpec("hu-test", RestJsonPollTemplate.TEMPLATE_ID, params));
  }

  private static String item(String id, String text) {
    return "{\"azonosito\":\"" + id + "\",\"osszefoglalo\":\"" + text + "\"}";
  }

  @Test
  void handsEachItemOverOnceAndAcknowledgesIt() {
    feed.offer(FEED, "K-2026-0001", item("K-2026-0001", "Iskolába rendszeresen jár."));
    feed.offer(FEED, "K-2026-0002", item("K-2026-0002", "A család támogatja."));
    poll(Map.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> feed.pending(FEED).isEmpty());
    // later polls see an empty feed and hand nothing over again
    int polls = feed.polls(FEED);
    await().atMost(Duration.ofSeconds(10)).until(() -> feed.polls(FEED) >= polls + 3);

    assertThat(inbox.handed)
        .extracting(RecordingInbox.Handed::messageId)
        .containsExactly("K-2026-0001", "K-2026-0002");
    assertThat(inbox.handed)
        .allSatisfy(r -> assertThat(r.systemId()).isEqualTo("hu-test"))
        .first()
        .satisfies(
            r ->
                assertThat(r.payload())
                    .isEqualTo(item("K-2026-0001", "Iskolába rendszeresen jár.")));
    assertThat(feed.acknowledged()).containsExactly(FEED + "/K-2026-0001", FEED + "/K-2026-0002");
  }

  @Test
  void neverHandsAnIdOverTwiceWhenTheFeedKeepsServingIt() {
    // a feed without acknowledgement keeps serving its items: the route must not repeat them
    feed.offer(FEED, "K-7", item("K-7", "Első beszélgetés megtörtént."));
    poll(Map.of("ackUrl", ""));

    await().atMost(Duration.ofSeconds(10)).until(() -> inbox.handed.size() == 1);
    int polls = feed.polls(FEED);
    await().atMost(Duration.ofSeconds(10)).until(() -> feed.polls(FEED) >= polls + 3);

    assertThat(inbox.handed).hasSize(1);
    assertThat(feed.acknowledged()).isEmpty();
  }

  @Test
  void handsItemsOverAfterTheFeedReturns() {
    feed.stop();
    feed.offer(FEED, "K-9", item("K-9", "Pártfogó felügyelő kijelölve."));
    poll(Map.of());
    // the route keeps ticking while the feed is down
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> camel.getRouteController().getRouteStatus("inbound-hu-test").isStarted());
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(inbox.handed::isEmpty);

    feed.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> feed.pending(FEED).isEmpty());
    assertThat(inbox.handed).extracting(RecordingInbox.Handed::messageId).containsExactly("K-9");
  }

  @Test
  void acknowledgesARefusedItemAndDoesNotHandItOverAgain() {
    inbox.answer(
        r -> {
          throw new InboxRejectedException(
              "MAPPING-FAILED", "Cannot map", List.of("hu-test: korcsoport 'Z' unknown"));
        });
    feed.offer(FEED, "K-13", item("K-13", "Hiányos adatlap."));
    poll(Map.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> feed.acknowledged().size() == 1);
    int polls = feed.polls(FEED);
    await().atMost(Duration.ofSeconds(10)).until(() -> feed.polls(FEED) >= polls + 3);

    assertThat(feed.acknowledged()).containsExactly(FEED + "/K-13");
    assertThat(inbox.handed).hasSize(1);
  }
}
