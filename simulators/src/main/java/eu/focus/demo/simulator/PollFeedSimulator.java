package eu.focus.demo.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A simulated national system that does not push but serves its messages as a JSON feed, for the
 * {@code rest-json-poll} inbound type: {@code GET <feedPath>} answers the JSON array of the items
 * offered and not yet acknowledged; {@code DELETE <feedPath>/<id>} (or any method there)
 * acknowledges one. An in-process WireMock server; {@link #stop()} and {@link #start()} simulate an
 * outage and the return on the same port.
 */
public class PollFeedSimulator implements AutoCloseable {

  private WireMockServer server;
  private final Map<String, Map<String, String>> feeds = new ConcurrentHashMap<>();
  private final List<String> acknowledged = new CopyOnWriteArrayList<>();
  private int port;

  /**
   * @param port the port, 0 for a free one (kept for later restarts)
   */
  public PollFeedSimulator(int port) {
    this.port = port;
    server = newServer(port);
  }

  private WireMockServer newServer(int port) {
    WireMockServer wireMock = new WireMockServer(options().port(port).bindAddress("127.0.0.1"));
    wireMock.addMockServiceRequestListener((request, response) -> onRequest(request));
    return wireMock;
  }

  /**
   * Starts serving, or serves again on the same port (with the same items) after {@link #stop()}.
   */
  public synchronized void start() {
    if (!server.isRunning()) {
      if (port != 0) {
        // a restarted WireMock would pick a new port when it had been given 0
        server = newServer(port);
        feeds.keySet().forEach(this::restub);
      }
      server.start();
      port = server.port();
    }
  }

  public synchronized void stop() {
    if (server.isRunning()) {
      server.stop();
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8096}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The feed's URL (the {@code pollUrl} parameter). */
  public String feedUrl(String feedPath) {
    return baseUrl() + feedPath;
  }

  /** The acknowledgement URL with its {@code {id}} placeholder (the {@code ackUrl} parameter). */
  public String ackUrl(String feedPath) {
    return baseUrl() + feedPath + "/{id}";
  }

  /**
   * Serves {@code itemJson} (which carries {@code id} where the poll expects it) until
   * acknowledged.
   */
  public synchronized void offer(String feedPath, String id, String itemJson) {
    feeds.computeIfAbsent(feedPath, p -> new java.util.LinkedHashMap<>()).put(id, itemJson);
    restub(feedPath);
  }

  /** The ids offered on this feed and not acknowledged yet. */
  public synchronized List<String> pending(String feedPath) {
    return new ArrayList<>(feeds.getOrDefault(feedPath, Map.of()).keySet());
  }

  /** Every acknowledgement received, as {@code <feedPath>/<id>}, oldest first. */
  public List<String> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /** How many times the feed was read. */
  public int polls(String feedPath) {
    return server
        .findAll(
            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(feedPath)))
        .size();
  }

  private synchronized void restub(String feedPath) {
    String body = "[" + String.join(",", feeds.get(feedPath).values()) + "]";
    server.stubFor(
        get(urlPathEqualTo(feedPath))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
    server.stubFor(
        any(urlPathMatching(Pattern.quote(feedPath) + "/[^/]+"))
            .willReturn(aResponse().withStatus(204)));
  }

  private synchronized void onRequest(Request request) {
    if ("GET".equals(request.getMethod().getName())) {
      return;
    }
    String path = URI.create(request.getUrl()).getRawPath();
    int slash = path.lastIndexOf('/');
    String feedPath = path.substring(0, slash);
    Map<String, String> items = feeds.get(feedPath);
    if (items == null) {
      return;
    }
    String id = URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
    if (items.remove(id) != null) {
      acknowledged.add(feedPath + "/" + id);
      restub(feedPath);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
