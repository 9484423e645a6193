package eu.focus.gateway.channel.national;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.GatewayIT;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * National systems on the REST-JSON connector: the Romanian police send in their own format
 * (inbound mapping in front of intake); the Greek child-victim service receives in its own format
 * (outbound mapping in delivery).
 */
class NationalSystemIT extends GatewayIT {

  @Test
  void acceptsARomanianPoliceMessageInItsOwnFormatAndRoutesTheContractRecord() throws Exception {
    String national = Examples.nationalMessage("ro-police", "full-victim-sexual-abuse");

    Response r = post("/api/v1/national/ro-police/assessments", agencyToken("ro-police"), national);

    assertThat(r.status()).as(r.text()).isEqualTo(202);
    assertThat(r.json().path("decisions").size()).isGreaterThan(0);
    String recordId = r.json().path("recordId").asText();
    JsonNode collected =
        get("/api/v1/audit/entries?record=" + recordId + "&action=COLLECTED", roleToken("AUDITOR"))
            .json();
    assertThat(collected.at("/entries/0/channel").asText()).isEqualTo("NATIONAL");
    Response stored = get("/api/v1/records/" + recordId, agencyToken("ro-police"));
    assertThat(stored.json().at("/record/provenance/mappingVersion").asText())
        .startsWith("ro-police@");
  }

  @Test
  void refusesAnUnmappableMessageNamingSystemFieldAndValueAndStoresNothing() throws Exception {
    String national = Examples.nationalMessage("ro-police", "error-unknown-and-unmapped-codes");
    Map<String, Long> before = counts();

    Response r = post("/api/v1/national/ro-police/assessments", agencyToken("ro-police"), national);

    assertThat(r.status()).as(r.text()).isEqualTo(422);
    assertThat(r.json().path("errors").size()).isGreaterThan(0);
    assertThat(r.json().at("/errors/0/message").asText()).contains("ro-police");
    assertThat(r.json().at("/errors/0/pointer").asText()).isNotBlank();
    assertThat(counts()).isEqualTo(before);
    JsonNode rejected =
        get("/api/v1/audit/entries?action=REJECTED&agency=ro-police", roleToken("AUDITOR")).json();
    assertThat(rejected.findValuesAsText("reason"))
        .anyMatch(s -> s.startsWith("MAPPING-FAILED ro-police"));
  }

  @Test
  void refusesASystemSendingForAnotherAgency() throws Exception {
    String national = Examples.nationalMessage("ro-police", "full-victim-sexual-abuse");

    Response r = post("/api/v1/national/ro-police/assessments", agencyToken("gr-police"), national);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("rule").asText()).isEqualTo("AUTH-SYSTEM-AGENCY");
  }

  @Test
  void deliversToTheGreekServiceInItsOwnFormat() {
    ObjectNode s = freshSubmission("04");
    String recordId = s.at("/record/recordId").asText();

    Response r = post("/api/v1/exchanges", agencyToken(s.path("sourceAgency").asText()), s);
    assertThat(r.json().at("/decisions/0/decision").asText()).as(r.text()).isEqualTo("PERMIT");

    JsonNode body = readJson(receivedBody("gr-houses-of-child", recordId));

    // the Greek national format, not contract v1: its own envelope, and the Greek country code EL
    assertThat(body.path("kodikosMinymatos").asText()).isNotBlank();
    assertThat(body.path("chora").asText()).isEqualTo("EL");
    assertThat(body.has("destinationAgency")).isFalse();
  }

  @Test
  void takesAMessageWithTheSameIdempotencyKeyInOnce() {
    String national = Examples.nationalMessage("ro-police", "minimal-witness");
    String key = "ro-pol-" + java.util.UUID.randomUUID();
    long before = count("exchange");

    Response first = postWithKey(national, key);
    Response again = postWithKey(national, key);

    assertThat(first.status()).as(first.text()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asText())
        .contains(first.json().path("exchangeId").asText());
    assertThat(count("exchange")).isEqualTo(before + 1);
  }

  private Response postWithKey(String national, String key) {
    return postRaw(
        "/api/v1/national/ro-police/assessments",
        agencyToken("ro-police"),
        "application/json",
        national,
        Map.of("Idempotency-Key", key));
  }

  @Test
  void afterTheGreekServiceWasDownDeliversWhatWaitedWithoutSpendingItsAttempts() {
    RECIPIENTS.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post("/gr-houses-of-child/inbox")
            .atPriority(1)
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
    ObjectNode s = freshSubmission("04");
    Response r = post("/api/v1/exchanges", agencyToken("gr-police"), s);
    String deliveryId = r.json().at("/decisions/0/deliveryId").asText();

    awaitCircuitOpen(deliveryId);
    RECIPIENTS.resetAll();
    acceptEverythingByDefault();

    awaitDeliveryStatus(deliveryId, "DELIVERED");
    assertThat(
            readJson(receivedBody("gr-houses-of-child", s.at("/record/recordId").asText()))
                .path("chora")
                .asText())
        .isEqualTo("EL");
  }

  @Test
  void pollsTheGreekServiceOutboxTakesEachMessageInOnceAndAcknowledgesIt() throws Exception {
    ObjectNode message =
        (ObjectNode) readJson(Examples.nationalMessage("gr-houses-of-child", "minimal-witness"));
    message.putArray("paraliptes").add("ro-child-protection");
    String id = message.path("kodikosMinymatos").asText();
    RECIPIENTS.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/gr-houses-of-child/outbox")
            .atPriority(1)
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                    JSON.writeValueAsString(JSON.createArrayNode().add(message)))));
    long before = count("exchange");

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                RECIPIENTS
                    .findAll(
                        com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                                "/gr-houses-of-child/outbox/" + id)))
                    .size(),
            n -> n > 0);
    assertThat(count("exchange")).isEqualTo(before + 1);
    assertThat(
            jdbc.sql(
                    "select count(*) from national_message where system_id = 'gr-houses-of-child'"
                        + " and message_id = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
