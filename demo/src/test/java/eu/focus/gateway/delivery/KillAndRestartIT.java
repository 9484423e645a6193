package eu.focus.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway as a separate process (the built jar), killed with SIGKILL while deliveries are
 * pending and being retried against a recipient that is down, then restarted after the recipient
 * recovers: every delivery arrives, and the recipient accepts each idempotency key exactly once.
 */
class KillAndRestartIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECORDS = 12;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process gateway;
  private WireMockServer recipient;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.destroyForcibly();
    }
    if (recipient != null) {
      recipient.stop();
    }
  }

  @Test
  void losesNothingAndDeliversEachKeyOnceAcrossAKill() throws Exception {
    recipient = new WireMockServer(options().dynamicPort());
    recipient.start();
    // Down at first: the deliveries pile up as pending, with attempts spent.
    recipient.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(503)));

    int port = freePort();
    Path workDir = Files.createTempDirectory("focus-kill");
    String dbUrl =
        TestDatabase.isPostgres()
            ? TestDatabase.freshUrl()
            : "jdbc:h2:file:" + workDir.resolve("focus") + ";DB_CLOSE_ON_EXIT=FALSE";
    gateway = start(port, dbUrl, recipient.port(), workDir);
    awaitUp(port);

    List<String> exchangeIds = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      ObjectNode s = Examples.submission("01");
      s.put("messageId", UUID.randomUUID().toString());
      ((ObjectNode) s.get("record")).put("recordId", UUID.randomUUID().toString());
      JsonNode r = call(port, "POST", "/api/v1/exchanges", token(port, "ro-police"), s);
      assertThat(r.at("/decisions/0/decision").asText()).isEqualTo("PERMIT");
      exchangeIds.add(r.path("exchangeId").asText());
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> recipient.getAllServeEvents().size() >= RECORDS);

    // Killed at an arbitrary moment of the retry loop: no clean shutdown, leases left behind.
    gateway.destroyForcibly().waitFor();
    recipient.resetAll();
    recipient.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));

    gateway = start(port, dbUrl, recipient.port(), workDir);
    awaitUp(port);
    String police = token(port, "ro-police");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (String id : exchangeIds) {
                assertThat(deliveryStatus(port, police, id)).isEqualTo("DELIVERED");
              }
            });

    Map<String, Integer> accepted = acceptedKeys();
    assertThat(accepted).hasSize(RECORDS);
    assertThat(accepted.values()).allMatch(n -> n == 1);
  }

  /** Idempotency keys the recipient answered 2xx, with how many times. */
  private Map<String, Integer> acceptedKeys() {
    Map<String, Integer> keys = new HashMap<>();
    for (ServeEvent e : recipient.getAllServeEvents()) {
      if (e.getResponse().getStatus() / 100 == 2) {
        keys.merge(e.getRequest().getHeader("Idempotency-Key"), 1, Integer::sum);
      }
    }
    return keys;
  }

  private String deliveryStatus(int port, String token, String exchangeId) throws Exception {
    return call(port, "GET", "/api/v1/exchanges/" + exchangeId, token, null)
        .at("/deliveries/0/status")
        .asText();
  }

  private Process start(int port, String dbUrl, int recipientPort, Path workDir)
      throws IOException {
    String jar = System.getProperty("focus.it.jar");
    assertThat(jar).as("focus.it.jar (set by Failsafe)").isNotNull();
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-jar",
            jar,
            "--spring.profiles.active=demo",
            "--server.port=" + port,
            "--spring.datasource.url=" + dbUrl,
            "--spring.datasource.username=" + TestDatabase.user(),
            "--spring.datasource.password=",
            "--focus.demo.simulators.enabled=false",
            "--focus.demo.simulators.file-root=" + workDir.resolve("exchange"),
            "--focus.demo.simulators.port=" + recipientPort,
            "--focus.delivery.poll-interval=100ms",
            "--focus.delivery.initial-backoff=200ms",
            "--focus.delivery.backoff-multiplier=1.2",
            "--focus.delivery.max-backoff=1s",
            "--focus.delivery.max-attempts=1000",
            "--focus.delivery.lease=3s",
            "--focus.delivery.batch-size=2",
            "--spring.main.banner-mode=off");
    return new ProcessBuilder(cmd)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("gateway.log").toFile())
        .start();
  }

  private void awaitUp(int port) {
    // A cold start warms the FHIR validator (~30 s alone on a busy 2-core machine): be generous.
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        "http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 200);
  }

  private String token(int port, String agency) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/demo/token?agency=" + agency))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).path("access_token").asText();
  }

  private JsonNode call(int port, String method, String path, String token, Object body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    b =
        body == null
            ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    return JSON.readTree(r.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
