package eu.focus.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.GatewayProcess;
import eu.focus.gateway.support.TestDatabase;
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

  private static final int RECORDS = 12;
  private GatewayProcess gateway;
  private WireMockServer recipient;

  @AfterEach
  void stop() throws InterruptedException {
    if (gateway != null) {
      gateway.close();
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

    Path workDir = Files.createTempDirectory("focus-kill");
    String dbUrl =
        TestDatabase.isPostgres()
            ? TestDatabase.freshUrl()
            : "jdbc:h2:file:" + workDir.resolve("focus") + ";DB_CLOSE_ON_EXIT=FALSE";
    gateway =
        new GatewayProcess(
                workDir,
                List.of(
                    "--spring.datasource.url=" + dbUrl,
                    "--spring.datasource.username=" + TestDatabase.user(),
                    "--spring.datasource.password=",
                    "--focus.demo.simulators.port=" + recipient.port(),
                    "--focus.delivery.poll-interval=100ms",
                    "--focus.delivery.initial-backoff=200ms",
                    "--focus.delivery.backoff-multiplier=1.2",
                    "--focus.delivery.max-backoff=1s",
                    "--focus.delivery.max-attempts=1000",
                    "--focus.delivery.lease=3s",
                    "--focus.delivery.batch-size=2"))
            .start();

    String police = gateway.token("ro-police");
    List<String> exchangeIds = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      ObjectNode s = Examples.submission("01");
      s.put("messageId", UUID.randomUUID().toString());
      ((ObjectNode) s.get("record")).put("recordId", UUID.randomUUID().toString());
      JsonNode r = gateway.call("POST", "/api/v1/exchanges", police, s);
      assertThat(r.at("/decisions/0/decision").asText()).isEqualTo("PERMIT");
      exchangeIds.add(r.path("exchangeId").asText());
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> recipient.getAllServeEvents().size() >= RECORDS);

    // Killed at an arbitrary moment of the retry loop: no clean shutdown, leases left behind.
    gateway.kill();
    recipient.resetAll();
    recipient.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));

    gateway.start();
    String policeAgain = gateway.token("ro-police");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (String id : exchangeIds) {
                assertThat(
                        gateway
                            .call("GET", "/api/v1/exchanges/" + id, policeAgain, null)
                            .at("/deliveries/0/status")
                            .asText())
                    .isEqualTo("DELIVERED");
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
}
