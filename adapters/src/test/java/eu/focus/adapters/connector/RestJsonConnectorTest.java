package eu.focus.adapters.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestJsonConnectorTest {

  private WireMockServer recipient;
  private DefaultCamelContext camel;
  private ConnectorRegistry registry;

  @BeforeEach
  void start() throws Exception {
    recipient = new WireMockServer(options().dynamicPort());
    recipient.start();
    camel = new DefaultCamelContext();
    camel.addRoutes(new RestJsonConnectorTemplate());
    camel.start();
    registry = new ConnectorRegistry(camel);
    registry.register(
        new ConnectorSpec(
            "ro-child-protection",
            RestJsonConnectorTemplate.TEMPLATE_ID,
            Map.of(
                "endpointUrl", recipient.baseUrl() + "/inbox",
                "timeoutMillis", "2000",
                "minimumNumberOfCalls", "2",
                "waitInOpenStateSeconds", "60")));
  }

  @AfterEach
  void stop() {
    camel.stop();
    recipient.stop();
  }

  @Test
  void postsJsonWithIdempotencyKey() {
    recipient.stubFor(post("/inbox").willReturn(aResponse().withStatus(202)));

    registry.send("ro-child-protection", "{\"a\":1}", "key-1", "ASSESSMENT");

    recipient.verify(
        postRequestedFor(urlEqualTo("/inbox"))
            .withHeader("Idempotency-Key", equalTo("key-1"))
            .withHeader("X-Focus-Message-Kind", equalTo("ASSESSMENT"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"a\":1}")));
    // internal headers never leak to the recipient
    assertThat(
            recipient.getAllServeEvents().get(0).getRequest().containsHeader("FocusIdempotencyKey"))
        .isFalse();
  }

  @Test
  void reportsNon2xxAsFailure() {
    recipient.stubFor(post("/inbox").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> registry.send("ro-child-protection", "{}", "k", "ASSESSMENT"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("503");
    // one attempt is one request: the HTTP client must not retry behind the outbox's back
    assertThat(recipient.getAllServeEvents()).hasSize(1);
  }

  @Test
  void timesOutASlowRecipient() {
    recipient.stubFor(post("/inbox").willReturn(aResponse().withStatus(202).withFixedDelay(6000)));

    assertThatThrownBy(() -> registry.send("ro-child-protection", "{}", "k", "ASSESSMENT"))
        .isInstanceOf(ConnectorException.class);
  }

  @Test
  void opensCircuitAfterRepeatedFailuresAndStopsCallingTheRecipient() {
    recipient.stubFor(post("/inbox").willReturn(aResponse().withStatus(500)));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> registry.send("ro-child-protection", "{}", "k", "ASSESSMENT"))
          .isInstanceOf(ConnectorException.class);
    }
    int callsBefore = recipient.getAllServeEvents().size();

    assertThatThrownBy(() -> registry.send("ro-child-protection", "{}", "k", "ASSESSMENT"))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.circuitOpen()).isTrue());
    assertThat(recipient.getAllServeEvents()).hasSize(callsBefore);
  }

  @Test
  void refusesUnknownConnectorType() {
    assertThatThrownBy(() -> registry.register(new ConnectorSpec("x", "carrier-pigeon", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carrier-pigeon");
  }

  @Test
  void refusesAParameterTheTypeDoesNotHaveNamingTheKnownOnes() {
    assertThatThrownBy(
            () ->
                registry.register(
                    new ConnectorSpec(
                        "y",
                        RestJsonConnectorTemplate.TEMPLATE_ID,
                        Map.of("endpointUrl", "http://x", "endpointURL", "http://x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[endpointURL]")
        .hasMessageContaining("endpointUrl");
  }
}
