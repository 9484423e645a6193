package eu.focus.gateway.consent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import eu.focus.gateway.support.GatewayIT;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Consent: registration rules, decisions that rely on it, and withdrawal. */
class ConsentIT extends GatewayIT {

  /** Stores a victim's record (sent to child protection) and returns the submission. */
  private ObjectNode storedVictimRecord() {
    return storedVictimRecord(false);
  }

  private ObjectNode storedVictimRecord(boolean lastGuardianConflicted) {
    ObjectNode s = freshSubmission("01");
    if (lastGuardianConflicted) {
      JsonNode guardians = s.at("/record/guardians");
      ObjectNode coi = (ObjectNode) guardians.get(guardians.size() - 1).get("conflictOfInterest");
      coi.put("flag", true);
    }
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    return s;
  }

  private ObjectNode consentFor(String recordId, String grantorType, String guardianId) {
    ObjectNode c = JSON.createObjectNode().put("recordId", recordId);
    ObjectNode grantor = c.putObject("grantor").put("type", grantorType);
    if (guardianId != null) {
      grantor.put("guardianId", guardianId);
    }
    c.putArray("recipients").addObject().put("agencyId", "ro-victim-support");
    c.putArray("dataScope").add("S4").add("S6");
    c.putArray("purposes").add("VICTIM_SUPPORT");
    c.putArray("actions").add("disclose");
    c.putObject("period").put("start", "2026-01-01");
    c.put("childFriendlyInfoGiven", true);
    return c;
  }

  private ObjectNode referralToVictimSupport(ObjectNode stored, String consentId) {
    ObjectNode s = stored.deepCopy();
    s.put("messageId", UUID.randomUUID().toString());
    s.putArray("recipients").add("ro-victim-support");
    s.put("purposeOfUse", "VICTIM_SUPPORT");
    s.put("consentRef", consentId);
    return s;
  }

  @Test
  void refusesConsentFromAConflictedGuardianNamingTheRule() {
    ObjectNode stored = storedVictimRecord(true);
    JsonNode guardians = stored.at("/record/guardians");
    String conflicted = guardians.get(guardians.size() - 1).path("guardianId").asText();
    long before = count("consent");

    Response r =
        post(
            "/api/v1/consents",
            agencyToken("ro-police"),
            consentFor(stored.at("/record/recordId").asText(), "GUARDIAN", conflicted));

    assertThat(r.status()).as(r.text()).isEqualTo(403);
    assertThat(r.json().path("rule").asText()).isEqualTo("HR-CONFLICTED-GUARDIAN");
    assertThat(count("consent")).isEqualTo(before);
  }

  @Test
  void withdrawingCancelsThePendingDeliveryAndNotifiesEarlierRecipients() {
    ObjectNode stored = storedVictimRecord();
    String recordId = stored.at("/record/recordId").asText();
    Response consent =
        post("/api/v1/consents", agencyToken("ro-police"), consentFor(recordId, "CHILD", null));
    assertThat(consent.status()).as(consent.text()).isEqualTo(201);
    String consentId = consent.json().path("consentId").asText();

    // first referral is delivered
    Response first =
        post(
            "/api/v1/exchanges",
            agencyToken("ro-police"),
            referralToVictimSupport(stored, consentId));
    assertThat(first.json().at("/decisions/0/decision").asText())
        .as(first.text())
        .isEqualTo("PERMIT");
    String delivered = first.json().at("/decisions/0/deliveryId").asText();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> deliveryStatus(delivered).equals("DELIVERED"));
    JsonNode received =
        readJson(
            RECIPIENTS
                .findAll(
                    postRequestedFor(urlPathEqualTo("/ro-victim-support/inbox"))
                        .withRequestBody(containing(recordId)))
                .get(0)
                .getBodyAsString());
    // victim support gets S4 and S6 (consented) but nothing of S5 (not in the consent's scope)
    assertThat(received.path("withheldClasses").toString()).contains("S5");

    // the recipient goes down; a second referral stays pending
    RECIPIENTS.stubFor(
        WireMock.post(urlPathEqualTo("/ro-victim-support/inbox"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));
    ObjectNode second = referralToVictimSupport(stored, consentId);
    Response pending = post("/api/v1/exchanges", agencyToken("ro-police"), second);
    String pendingId = pending.json().at("/decisions/0/deliveryId").asText();
    assertThat(deliveryStatus(pendingId)).isEqualTo("PENDING");

    Response withdrawn =
        post("/api/v1/consents/" + consentId + "/withdrawal", agencyToken("ro-police"), "");

    assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
    assertThat(withdrawn.json().path("cancelledDeliveries").asInt()).isEqualTo(1);
    assertThat(withdrawn.json().path("revocationNotices").asInt()).isEqualTo(1);
    assertThat(deliveryStatus(pendingId)).isEqualTo("CANCELLED");

    RECIPIENTS.resetMappings();
    acceptEverythingByDefault();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        RECIPIENTS.findAll(
                            postRequestedFor(urlPathEqualTo("/ro-victim-support/inbox"))
                                .withHeader(
                                    "X-Focus-Message-Kind",
                                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                        "REVOCATION"))
                                .withRequestBody(containing(consentId))))
                    .hasSize(1));

    // after withdrawal the recipient can no longer read what it received, and a new referral is
    // denied
    Response read = get("/api/v1/records/" + recordId, agencyToken("ro-victim-support"));
    assertThat(read.status()).isEqualTo(403);
    assertThat(read.json().path("rule").asText()).isEqualTo("CONSENT-WITHDRAWN");
    Response third =
        post(
            "/api/v1/exchanges",
            agencyToken("ro-police"),
            referralToVictimSupport(stored, consentId));
    assertThat(third.json().at("/decisions/0/rule").asText()).isEqualTo("CONSENT-WITHDRAWN");

    JsonNode audit = get("/api/v1/audit/entries?record=" + recordId, roleToken("AUDITOR")).json();
    assertThat(audit.findValuesAsText("action"))
        .contains("CONSENT_GRANTED", "CONSENT_WITHDRAWN", "CANCELLED");
  }

  private static JsonNode readJson(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
