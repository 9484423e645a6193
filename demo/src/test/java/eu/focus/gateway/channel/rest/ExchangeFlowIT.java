package eu.focus.gateway.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractValidator;
import eu.focus.gateway.support.GatewayIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The foundation's main path: submit, decide, deliver minimised, read, audit. */
class ExchangeFlowIT extends GatewayIT {

  @Autowired ContractValidator validator;

  @Test
  void deliversAPermittedRecordMinimisedToTheRecipientAndAuditsEveryStep() throws Exception {
    ObjectNode submission = freshSubmission("01");
    String recordId = submission.at("/record/recordId").asText();

    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), submission);

    assertThat(r.status()).as(r.text()).isEqualTo(202);
    JsonNode decision = r.json().at("/decisions/0");
    assertThat(decision.path("recipient").asText()).isEqualTo("ro-child-protection");
    assertThat(decision.path("decision").asText()).isEqualTo("PERMIT");
    assertThat(decision.path("rule").asText()).isEqualTo("POL-MATRIX");
    String pseudonym = r.json().path("subjectPseudonym").asText();
    assertThat(pseudonym).startsWith("psn-");

    List<LoggedRequest> received = awaitReceived("ro-child-protection", recordId, 1);
    LoggedRequest message = received.get(0);
    String key = message.getHeader("Idempotency-Key");
    assertThat(key).isNotBlank();
    JsonNode body = JSON.readTree(message.getBodyAsString());
    assertThat(validator.validate(ContractDocument.DELIVERY_MESSAGE, body)).isEmpty();
    assertThat(body.path("idempotencyKey").asText()).isEqualTo(key);
    assertThat(body.path("destinationAgency").asText()).isEqualTo("ro-child-protection");
    // child protection sees the child's own views in full (S6 FULL) but no restorative justice (S7)
    assertThat(body.at("/record/assessment/childViews/viewsText").isMissingNode()).isFalse();
    assertThat(body.at("/record/child/subjectPseudonym").asText()).isEqualTo(pseudonym);

    String exchangeId = r.json().path("exchangeId").asText();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        get("/api/v1/exchanges/" + exchangeId, agencyToken("ro-police"))
                            .json()
                            .at("/deliveries/0/status")
                            .asText())
                    .isEqualTo("DELIVERED"));

    JsonNode audit = get("/api/v1/audit/entries?record=" + recordId, roleToken("AUDITOR")).json();
    List<String> actions = new ArrayList<>();
    audit.path("entries").forEach(e -> actions.add(e.path("action").asText()));
    assertThat(actions).containsSubsequence("COLLECTED", "DECIDED", "DISCLOSED");
    audit
        .path("entries")
        .forEach(
            e -> {
              if (!e.path("action").asText().equals("AUDIT_SEARCHED")) {
                assertThat(e.path("subjectPseudonym").asText()).isEqualTo(pseudonym);
                assertThat(e.path("correlationId").asText()).isNotBlank();
              }
            });
    JsonNode disclosed = entry(audit, "DISCLOSED");
    assertThat(disclosed.path("recipientAgency").asText()).isEqualTo("ro-child-protection");
    assertThat(disclosed.path("classes").asText()).contains("S6").doesNotContain("S7");
    assertThat(disclosed.path("purpose").asText()).isEqualTo("CHILD_PROTECTION");
    assertThat(disclosed.path("legalBasis").asText()).isNotBlank();
  }

  @Test
  void letsTheRecipientReadWhatItReceivedAndNobodyElse() {
    ObjectNode submission = freshSubmission("01");
    String recordId = submission.at("/record/recordId").asText();
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), submission).status())
        .isEqualTo(202);
    awaitReceived("ro-child-protection", recordId, 1);

    Response recipient =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> get("/api/v1/records/" + recordId, agencyToken("ro-child-protection")),
                x -> x.status() == 200);
    Response author = get("/api/v1/records/" + recordId, agencyToken("ro-police"));
    Response stranger = get("/api/v1/records/" + recordId, agencyToken("nl-raad"));

    assertThat(recipient.json().path("record").path("recordId").asText()).isEqualTo(recordId);
    assertThat(author.status()).isEqualTo(200);
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(
            get(
                    "/api/v1/audit/entries?record=" + recordId + "&action=CONSULTED",
                    roleToken("AUDITOR"))
                .json()
                .path("total")
                .asLong())
        .isEqualTo(2);
  }

  @Test
  void deniesASuspectsAssessmentToVictimSupportAndNamesTheRule() {
    ObjectNode submission = freshSubmission("02");

    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), submission);

    assertThat(r.status()).as(r.text()).isEqualTo(202);
    assertThat(r.json().at("/decisions/0/decision").asText()).isEqualTo("DENY");
    assertThat(r.json().at("/decisions/0/rule").asText())
        .isEqualTo("HR-SUSPECT-NOT-TO-VICTIM-SIDE");
    assertThat(r.json().at("/decisions/0/deliveryId").isMissingNode()).isTrue();
    JsonNode denied =
        get(
                "/api/v1/audit/entries?record="
                    + submission.at("/record/recordId").asText()
                    + "&action=DECIDED",
                roleToken("AUDITOR"))
            .json();
    assertThat(denied.at("/entries/0/outcome").asText()).isEqualTo("DENY");
    assertThat(denied.at("/entries/0/reason").asText()).startsWith("HR-SUSPECT-NOT-TO-VICTIM-SIDE");
  }

  @Test
  void storesANewVersionAndRefusesOneThatIsNotTheNext() {
    ObjectNode v1 = freshSubmission("01");
    String recordId = v1.at("/record/recordId").asText();
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), v1).status()).isEqualTo(202);

    ObjectNode v2 = freshSubmission("01");
    ((ObjectNode) v2.get("record"))
        .put("recordId", recordId)
        .put("version", 2)
        .put("previousVersion", 1);
    Response ok = post("/api/v1/records/" + recordId + "/versions", agencyToken("ro-police"), v2);
    ObjectNode v2reshared = v2.deepCopy();
    v2reshared.put("messageId", java.util.UUID.randomUUID().toString());
    Response reshared =
        post("/api/v1/records/" + recordId + "/versions", agencyToken("ro-police"), v2reshared);
    ObjectNode v2changed = v2reshared.deepCopy();
    v2changed.put("messageId", java.util.UUID.randomUUID().toString());
    String status = v2.at("/record/assessment/status").asText();
    ((ObjectNode) v2changed.at("/record/assessment"))
        .put("status", status.equals("amended") ? "final" : "amended");
    Response conflict =
        post("/api/v1/records/" + recordId + "/versions", agencyToken("ro-police"), v2changed);
    ObjectNode v5 = v2reshared.deepCopy();
    v5.put("messageId", java.util.UUID.randomUUID().toString());
    ((ObjectNode) v5.get("record")).put("version", 5).put("previousVersion", 4);
    Response gap = post("/api/v1/records/" + recordId + "/versions", agencyToken("ro-police"), v5);

    assertThat(ok.status()).as(ok.text()).isEqualTo(202);
    assertThat(ok.json().path("version").asInt()).isEqualTo(2);
    // the same version again, unchanged, is shared again without a new version
    assertThat(reshared.status()).as(reshared.text()).isEqualTo(202);
    assertThat(reshared.json().path("version").asInt()).isEqualTo(2);
    assertThat(conflict.status()).as(conflict.text()).isEqualTo(409);
    assertThat(gap.status()).isEqualTo(409);
    assertThat(
            get(
                    "/api/v1/audit/entries?record=" + recordId + "&action=ALTERED",
                    roleToken("AUDITOR"))
                .json()
                .path("total")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void sendsToSerbiaOnlyWithARecordedTransferBasis() {
    ObjectNode withBasis = freshSubmission("08");
    ObjectNode withoutBasis = freshSubmission("08");
    ((ObjectNode) withoutBasis.get("legalBasis")).remove("transferBasis");
    String sender = withBasis.path("sourceAgency").asText();

    Response permitted = post("/api/v1/exchanges", agencyToken(sender), withBasis);
    Response denied = post("/api/v1/exchanges", agencyToken(sender), withoutBasis);

    assertThat(permitted.json().at("/decisions/0/decision").asText())
        .as(permitted.text())
        .isEqualTo("PERMIT");
    assertThat(denied.json().at("/decisions/0/decision").asText()).isEqualTo("DENY");
    assertThat(denied.json().at("/decisions/0/rule").asText()).isEqualTo("HR-TRANSFER-BASIS");
  }

  @Test
  void flagsAVictimAssessmentSentToTheProsecutorForDefenceDisclosure() {
    ObjectNode s = freshSubmission("01");
    s.putArray("recipients").add("ro-prosecutor");
    s.put("purposeOfUse", "PROSECUTION_DECISION");

    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);

    assertThat(r.json().at("/decisions/0/handlingFlags/0").asText())
        .as(r.text())
        .isEqualTo("DEFENCE_DISCLOSURE");
    JsonNode message =
        readJson(
            awaitReceived("ro-prosecutor", s.at("/record/recordId").asText(), 1)
                .get(0)
                .getBodyAsString());
    assertThat(message.path("handlingConditions").toString()).contains("DEFENCE_DISCLOSURE");
  }

  @Test
  void letsAuditorsSearchBySubjectAgencyAndTimeRange() {
    java.time.Instant before = java.time.Instant.now().minusSeconds(1);
    ObjectNode s = freshSubmission("01");
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);
    String subject = r.json().path("subjectPseudonym").asText();
    String auditor = roleToken("AUDITOR");

    JsonNode bySubject =
        get("/api/v1/audit/entries?subject=" + subject + "&action=COLLECTED", auditor).json();
    JsonNode byAgencyAndTime =
        get(
                "/api/v1/audit/entries?agency=ro-police&action=COLLECTED&from="
                    + before
                    + "&to="
                    + java.time.Instant.now().plusSeconds(5),
                auditor)
            .json();
    JsonNode future =
        get(
                "/api/v1/audit/entries?agency=ro-police&from="
                    + java.time.Instant.now().plusSeconds(3600),
                auditor)
            .json();
    Response badTime = get("/api/v1/audit/entries?from=yesterday", auditor);

    assertThat(bySubject.path("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(bySubject.findValuesAsText("recordId")).contains(s.at("/record/recordId").asText());
    assertThat(byAgencyAndTime.findValuesAsText("recordId"))
        .contains(s.at("/record/recordId").asText());
    assertThat(future.path("total").asLong()).isZero();
    assertThat(badTime.status()).isEqualTo(400);
    // the searches themselves are in the log
    assertThat(
            get("/api/v1/audit/entries?action=AUDIT_SEARCHED&size=500", auditor)
                .json()
                .path("total")
                .asLong())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void servesTheOpenApiDocumentTheSchemasAndTheBrowsableUi() {
    Response openApi = get("/api/v1/openapi.json", null);
    Response schema = get("/api/v1/schemas/submission.schema.json", null);
    Response ui = get("/api/v1/docs/index.html", null);
    Response uiScript = get("/webjars/swagger-ui/swagger-ui-bundle.js", null);

    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.json().path("openapi").asText()).startsWith("3.1");
    assertThat(schema.json().path("$schema").asText()).contains("2020-12");
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.text()).contains("/api/v1/openapi.json");
    assertThat(uiScript.status()).isEqualTo(200);
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode entry(JsonNode page, String action) {
    for (JsonNode e : page.path("entries")) {
      if (e.path("action").asText().equals(action)) {
        return e;
      }
    }
    throw new AssertionError("No " + action + " entry in " + page);
  }
}
