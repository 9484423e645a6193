package eu.focus.adapters.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.focus.adapters.connector.ConnectorRegistry;
import eu.focus.adapters.connector.ConnectorSpec;
import eu.focus.demo.simulator.FhirServerSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FhirPollTest {

  private static final String TAG = "https://pfsz.example.hu/tag";

  private FhirServerSimulator server;
  private DefaultCamelContext camel;
  private RecordingInbox inbox;

  @BeforeEach
  void start() throws Exception {
    // pages of 2, so a poll of 3 or more resources must follow "next" links
    server = new FhirServerSimulator(0, 2);
    server.start();
    inbox = new RecordingInbox();
    camel = new DefaultCamelContext();
    camel.getRegistry().bind("nationalInbox", inbox);
    camel.addRoutes(new FhirPollTemplate());
    camel.start();
  }

  private void registerPoll() {
    new ConnectorRegistry(camel)
        .registerInbound(
            new ConnectorSpec(
                "hu-pfsz",
                FhirPollTemplate.TEMPLATE_ID,
                Map.of(
                    "serverUrl", server.baseUrl(),
                    "searchParams", "_tag=" + TAG + "|atadhato",
                    "pollIntervalMillis", "200",
                    "timeoutMillis", "3000",
                    "minimumNumberOfCalls", "2",
                    "waitInOpenStateSeconds", "1")));
  }

  @AfterEach
  void stop() {
    camel.stop();
    server.close();
  }

  private static String bundle(String tag, String text) {
    return """
        {"resourceType":"Bundle","type":"collection","meta":{"tag":[{"system":"%s","code":"%s"}]},
         "entry":[{"resource":{"resourceType":"Composition","status":"final",
           "type":{"text":"környezettanulmány"},"date":"2026-11-20","title":"%s",
           "author":[{"display":"Pártfogó Felügyelői Szolgálat"}]}}]}
        """
        .formatted(TAG, tag, text);
  }

  @Test
  void handsOverEachPublishedBundleOnceWithItsVersionedId() {
    List<String> published = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      published.add(server.publish(bundle("atadhato", "Környezettanulmány " + i)));
    }
    server.publish(bundle("piszkozat", "Not yet to be handed over"));
    registerPoll();

    await().atMost(Duration.ofSeconds(15)).until(() -> inbox.handed.size() >= 3);
    String fourth = server.publish(bundle("atadhato", "Környezettanulmány 4"));
    published.add(fourth);
    await().atMost(Duration.ofSeconds(15)).until(() -> inbox.handed.size() >= 4);
    // several more ticks: nothing is handed over twice
    await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(5)).until(() -> true);

    assertThat(inbox.messageIds()).containsExactlyElementsOf(published);
    assertThat(published).allMatch(id -> id.matches("Bundle/\\d+/_history/1"));
    assertThat(inbox.handed).allMatch(h -> h.systemId().equals("hu-pfsz"));
    assertThat(inbox.handed.get(0).payload())
        .contains("\"resourceType\":\"Bundle\"")
        .contains("Környezettanulmány 1");
  }

  @Test
  void aNewVersionIsANewMessage() {
    String first = server.publish(bundle("atadhato", "Első változat"));
    registerPoll();
    await().atMost(Duration.ofSeconds(15)).until(() -> inbox.handed.size() == 1);

    String id = first.substring(0, first.indexOf("/_history"));
    String updated =
        bundle("atadhato", "Második változat")
            .replaceFirst(
                "\\{\"resourceType\":\"Bundle\"",
                "{\"resourceType\":\"Bundle\",\"id\":\"" + id.substring("Bundle/".length()) + "\"");
    String second = server.publish(updated);

    await().atMost(Duration.ofSeconds(15)).until(() -> inbox.handed.size() == 2);
    assertThat(inbox.messageIds()).containsExactly(first, second);
    assertThat(second).endsWith("/_history/2");
  }

  @Test
  void handsOverAfterTheServerComesBack() {
    registerPoll();
    server.stop();
    String id = server.publish(bundle("atadhato", "Published during the outage"));
    // several failing ticks (circuit opens); nothing handed over
    await()
        .during(Duration.ofMillis(1000))
        .atMost(Duration.ofSeconds(5))
        .until(inbox.handed::isEmpty);

    server.start();

    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.handed.size() == 1);
    assertThat(inbox.messageIds()).containsExactly(id);
  }

  @Test
  void aRefusedResourceIsNotHandedAgainButAFailedOneIs() {
    inbox.refuseWhen = p -> p.contains("Hibás");
    String refused = server.publish(bundle("atadhato", "Hibás adatok"));
    registerPoll();
    await().atMost(Duration.ofSeconds(15)).until(() -> inbox.handed.size() == 1);

    inbox.down = true;
    String later = server.publish(bundle("atadhato", "Környezettanulmány"));
    await().atMost(Duration.ofSeconds(15)).until(() -> inbox.handed.size() >= 3);
    inbox.down = false;
    await().atMost(Duration.ofSeconds(15)).until(() -> inbox.accepted().contains(later));
    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> true);

    assertThat(inbox.messageIds()).filteredOn(refused::equals).hasSize(1);
    // handed again on every tick while the gateway failed, then once more when it came back
    assertThat(inbox.messageIds()).filteredOn(later::equals).hasSizeGreaterThanOrEqualTo(3);
    assertThat(inbox.messageIds().get(inbox.messageIds().size() - 1)).isEqualTo(later);
  }
}
