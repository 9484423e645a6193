package eu.focus.demo.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * Simulated REST-JSON systems for the demo: one in-process WireMock server that accepts every POST
 * to {@code /<agency-id>/inbox} with 202, and keeps what it received in its request journal (browse
 * it at {@code /__admin/requests}). Systems the gateway polls have an outbox at {@code
 * /<system-id>/outbox} (an empty JSON array until a message is offered through WireMock's admin
 * API) whose items are acknowledged with {@code DELETE /<system-id>/outbox/<id>}.
 *
 * <p>Real national systems are reached through the same connector; only the URL differs.
 */
public class RecipientSimulator implements AutoCloseable {

  private final WireMockServer server;

  public RecipientSimulator(int port) {
    server = new WireMockServer(options().port(port).bindAddress("127.0.0.1"));
    server.stubFor(
        post(urlPathMatching("/[a-z0-9-]+/inbox"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"accepted\":true}")));
    // Systems the gateway polls: an empty outbox until a message is offered, acks accepted.
    server.stubFor(
        get(urlPathMatching("/[a-z0-9-]+/outbox")).atPriority(10).willReturn(okJson("[]")));
    server.stubFor(
        delete(urlPathMatching("/[a-z0-9-]+/outbox/.+"))
            .atPriority(10)
            .willReturn(aResponse().withStatus(204)));
  }

  public void start() {
    server.start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8089}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The inbox URL of one simulated agency. */
  public String inboxUrl(String agencyId) {
    return baseUrl() + "/" + agencyId + "/inbox";
  }

  /** Every message received by the simulated agency, oldest first. */
  public List<LoggedRequest> received(String agencyId) {
    return server.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            urlPathMatching("/" + agencyId + "/inbox")));
  }

  @Override
  public void close() {
    server.stop();
  }
}
