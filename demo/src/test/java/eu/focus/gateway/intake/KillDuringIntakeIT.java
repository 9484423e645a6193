package eu.focus.gateway.intake;

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
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.GatewayProcess;
import eu.focus.gateway.support.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Accepted" means kept: the gateway (the built jar, its own process) takes submissions from
 * several clients at once and is killed with SIGKILL while they are still sending, in the middle of
 * intake. After a restart every submission that was answered 202 is there in full: its exchange
 * with its delivery, its record readable by its author, its COLLECTED and DECIDED audit entries;
 * and the integrity check at start-up ({@link IntakeIntegrity}) reports no intake kept in part. On
 * H2 it runs on the embedded default's own database settings (no URL given), on PostgreSQL on a
 * fresh database.
 */
class KillDuringIntakeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 6;
  private static final int ACCEPTED_BEFORE_KILL = 120;

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
  void everySubmissionAnswered202SurvivesAKillInTheMiddleOfIntake() throws Exception {
    recipient = new WireMockServer(options().dynamicPort());
    recipient.start();
    recipient.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));

    Path workDir = Files.createTempDirectory("focus-kill-intake");
    List<String> settings = new ArrayList<>();
    settings.add("--focus.demo.simulators.port=" + recipient.port());
    if (TestDatabase.isPostgres()) {
      settings.addAll(
          List.of(
              "--spring.datasource.url=" + TestDatabase.freshUrl(),
              "--spring.datasource.username=" + TestDatabase.user(),
              "--spring.datasource.password="));
    }
    gateway = new GatewayProcess(workDir, settings).start();
    String police = gateway.token("ro-police");

    // exchange id -> record id, for every submission answered 202
    Map<String, String> accepted = new ConcurrentHashMap<>();
    AtomicBoolean sending = new AtomicBoolean(true);
    AtomicInteger refusedOrCut = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.submit(
          () -> {
            while (sending.get()) {
              ObjectNode s = Examples.submission("01");
              String recordId = UUID.randomUUID().toString();
              s.put("messageId", UUID.randomUUID().toString());
              ((ObjectNode) s.get("record")).put("recordId", recordId);
              try {
                HttpResponse<String> r = gateway.send("POST", "/api/v1/exchanges", police, s);
                if (r.statusCode() == 202) {
                  String exchangeId = JSON.readTree(r.body()).path("exchangeId").asText();
                  accepted.put(exchangeId, recordId);
                } else {
                  refusedOrCut.incrementAndGet();
                }
              } catch (Exception connectionCut) {
                refusedOrCut.incrementAndGet();
              }
            }
            return null;
          });
    }
    await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= ACCEPTED_BEFORE_KILL);
    // The clients are still sending: some requests are in the middle of intake now.
    gateway.kill();
    sending.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    int acceptedAtKill = accepted.size();

    gateway.start();
    String policeAgain = gateway.token("ro-police");
    String auditor = gateway.roleToken("AUDITOR");
    List<String> lost = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    for (Map.Entry<String, String> a : accepted.entrySet()) {
      HttpResponse<String> exchange =
          gateway.send("GET", "/api/v1/exchanges/" + a.getKey(), policeAgain, null);
      if (exchange.statusCode() == 404) {
        lost.add(a.getKey());
        continue;
      }
      JsonNode status = JSON.readTree(exchange.body());
      HttpResponse<String> record =
          gateway.send("GET", "/api/v1/records/" + a.getValue(), policeAgain, null);
      JsonNode entries =
          gateway.call("GET", "/api/v1/audit/entries?record=" + a.getValue(), auditor, null);
      List<String> actions = new ArrayList<>();
      entries.path("entries").forEach(e -> actions.add(e.path("action").asText()));
      if (status.path("deliveries").size() != 1
          || record.statusCode() != 200
          || !actions.contains("COLLECTED")
          || !actions.contains("DECIDED")) {
        incomplete.add(a.getKey());
      }
    }
    System.out.printf(
        "kill during intake (%s): %d accepted before the kill, %d refused or cut, %d lost,"
            + " %d incomplete%n",
        TestDatabase.isPostgres() ? "postgres" : "h2 default",
        acceptedAtKill,
        refusedOrCut.get(),
        lost.size(),
        incomplete.size());
    assertThat(lost).as("submissions answered 202 and gone after the restart").isEmpty();
    assertThat(incomplete).as("submissions kept only in part").isEmpty();
    // The check at start-up looked at the same intakes and found none kept in part.
    assertThat(gateway.send("GET", "/actuator/prometheus", null, null).body())
        .contains("focus_intake_incomplete 0.0");
  }
}
