package eu.focus.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import eu.focus.gateway.support.GatewayIT;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Durable delivery: retries with backoff, dead letters, replay. */
class DeliveryIT extends GatewayIT {

  private String submitTo(String recipient, String purpose) {
    ObjectNode s = freshSubmission("01");
    s.putArray("recipients").add(recipient);
    s.put("purposeOfUse", purpose);
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    assertThat(r.json().at("/decisions/0/decision").asText()).as(r.text()).isEqualTo("PERMIT");
    return r.json().at("/decisions/0/deliveryId").asText();
  }

  private String recordOf(String deliveryId) {
    return jdbc.sql("select record_id from delivery where delivery_id = :id")
        .param("id", deliveryId)
        .query(String.class)
        .single();
  }

  @Test
  void retriesAFailingRecipientWithTheSameKeyUntilItAccepts() {
    // the failures are in place before the submission, or the first attempt may come first
    String path = "/ro-court/inbox";
    String[] states = {STARTED, "failed-1", "failed-2", "failed-3"};
    for (int i = 0; i < 3; i++) {
      RECIPIENTS.stubFor(
          WireMock.post(urlPathEqualTo(path))
              .atPriority(1)
              .inScenario("flaky")
              .whenScenarioStateIs(states[i])
              .willReturn(aResponse().withStatus(503))
              .willSetStateTo(states[i + 1]));
    }
    RECIPIENTS.stubFor(
        WireMock.post(urlPathEqualTo(path))
            .atPriority(1)
            .inScenario("flaky")
            .whenScenarioStateIs("failed-3")
            .willReturn(aResponse().withStatus(202)));

    String deliveryId = submitTo("ro-court", "ADJUDICATION");
    String recordId = recordOf(deliveryId);

    // the circuit may open on the way (failures of earlier tests are in its window) and hold a try
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> deliveryStatus(deliveryId).equals("DELIVERED"));

    List<LoggedRequest> seen =
        RECIPIENTS.findAll(
            postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(recordId)));
    assertThat(seen).hasSize(4);
    Set<String> keys =
        seen.stream().map(r -> r.getHeader("Idempotency-Key")).collect(Collectors.toSet());
    assertThat(keys).hasSize(1);
    assertThat(
            jdbc.sql("select attempts from delivery where delivery_id = :id")
                .param("id", deliveryId)
                .query(Integer.class)
                .single())
        .isEqualTo(4);
    JsonNode failures =
        get(
                "/api/v1/audit/entries?record=" + recordId + "&action=DELIVERY_FAILED",
                roleToken("AUDITOR"))
            .json();
    assertThat(failures.path("total").asLong()).isEqualTo(3);
  }

  @Test
  void deadLettersAfterTheLastAttemptAndDeliversOnReplay() {
    // failing before the submission, or the first attempt may already have succeeded
    RECIPIENTS.stubFor(
        WireMock.post(urlPathEqualTo("/ro-prosecutor/inbox"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(500)));
    String deliveryId = submitTo("ro-prosecutor", "PROSECUTION_DECISION");
    String recordId = recordOf(deliveryId);

    // up to a minute: the recipient's circuit may open on the way and hold the last attempt
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> deliveryStatus(deliveryId).equals("DEAD_LETTER"));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("not dead-lettered: " + deliveryRow(deliveryId), e);
    }
    JsonNode deadLetters = get("/api/v1/operations/dead-letters", roleToken("OPERATOR")).json();
    assertThat(deadLetters.findValuesAsText("deliveryId")).contains(deliveryId);

    RECIPIENTS.resetMappings();
    acceptEverythingByDefault();
    Response replay =
        post("/api/v1/operations/deliveries/" + deliveryId + "/replay", roleToken("OPERATOR"), "");
    assertThat(replay.status()).as(replay.text()).isEqualTo(202);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> deliveryStatus(deliveryId).equals("DELIVERED"));
    JsonNode audit = get("/api/v1/audit/entries?record=" + recordId, roleToken("AUDITOR")).json();
    assertThat(audit.findValuesAsText("action"))
        .containsSubsequence("DEAD_LETTERED", "REPLAYED", "DISCLOSED");
    assertThat(
            post(
                    "/api/v1/operations/deliveries/" + deliveryId + "/replay",
                    roleToken("OPERATOR"),
                    "")
                .status())
        .isEqualTo(409);
  }
}
