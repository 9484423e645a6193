package eu.focus.gateway.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.retention.RetentionJob;
import eu.focus.gateway.support.GatewayIT;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The auditor's questions of docs/domain.md ("What an auditor must be able to answer"), one test
 * each: the setup may take several calls, the answer is one call. Question 8 (erasure and retention
 * ran, the log is intact) depends on the retention and Merkle parts and is tested with them.
 */
class AuditorQuestionsIT extends GatewayIT {

  @Autowired private RetentionJob retention;

  // ---- 1 --------------------------------------------------------------------------------------

  @Test
  void q1WhoCollectedAlteredConsultedAndDisclosedEachVersionAndWhen() {
    ObjectNode v1 = uniqueChild(freshSubmission("01"));
    String recordId = v1.at("/record/recordId").asText();
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), v1).status()).isEqualTo(202);
    awaitAudit(recordId, "DISCLOSED", 1);
    ObjectNode v2 = v1.deepCopy();
    v2.put("messageId", UUID.randomUUID().toString());
    ((ObjectNode) v2.get("record")).put("version", 2).put("previousVersion", 1);
    Response stored =
        post("/api/v1/records/" + recordId + "/versions", agencyToken("ro-police"), v2);
    assertThat(stored.status()).as(stored.text()).isEqualTo(202);
    awaitAudit(recordId, "DISCLOSED", 2);
    assertThat(get("/api/v1/records/" + recordId, agencyToken("ro-child-protection")).status())
        .isEqualTo(200);

    JsonNode answer =
        get(
                "/api/v1/audit/entries?record="
                    + recordId
                    + "&action=COLLECTED,ALTERED,CONSULTED,DISCLOSED",
                auditor())
            .json();

    List<String> lines = new ArrayList<>();
    answer
        .path("entries")
        .forEach(
            e ->
                lines.add(
                    e.path("action").asText()
                        + " v"
                        + e.path("recordVersion").asInt()
                        + " by "
                        + e.path("actorAgency").asText()
                        + "/"
                        + e.path("actorPerson").asText("-")
                        + " to "
                        + e.path("recipientAgency").asText("-")));
    assertThat(lines)
        .containsExactly(
            "COLLECTED v1 by ro-police/officer@ro-police to -",
            "DISCLOSED v1 by ro-police/- to ro-child-protection",
            "COLLECTED v2 by ro-police/officer@ro-police to -",
            "ALTERED v2 by ro-police/officer@ro-police to -",
            "DISCLOSED v2 by ro-police/- to ro-child-protection",
            "CONSULTED v2 by ro-child-protection/officer@ro-child-protection to ro-child-protection");
    answer.path("entries").forEach(e -> assertThat(e.path("occurredAt").asText()).isNotBlank());
  }

  // ---- 2 --------------------------------------------------------------------------------------

  @Test
  void q2TheJustificationTimePersonAndRecipientOfEveryConsultationAndDisclosure() {
    ObjectNode s = uniqueChild(freshSubmission("01"));
    String recordId = s.at("/record/recordId").asText();
    post("/api/v1/exchanges", agencyToken("ro-police"), s);
    awaitAudit(recordId, "DISCLOSED", 1);
    get("/api/v1/records/" + recordId, agencyToken("ro-child-protection"));

    JsonNode answer =
        get(
                "/api/v1/audit/entries?record=" + recordId + "&action=CONSULTED&action=DISCLOSED",
                auditor())
            .json();

    assertThat(answer.path("total").asLong()).isEqualTo(2);
    for (JsonNode e : answer.path("entries")) {
      assertThat(e.path("purpose").asText()).isEqualTo("CHILD_PROTECTION");
      assertThat(e.path("legalBasis").asText()).isEqualTo("LED_ART_8");
      assertThat(e.path("occurredAt").asText()).isNotBlank();
      assertThat(e.path("recipientAgency").asText()).isEqualTo("ro-child-protection");
      assertThat(e.path("actorRole").asText()).isNotBlank();
    }
    JsonNode consulted = only(answer, "CONSULTED");
    assertThat(consulted.path("actorPerson").asText()).isEqualTo("officer@ro-child-protection");
    assertThat(consulted.path("actorAgency").asText()).isEqualTo("ro-child-protection");
  }

  // ---- 3 --------------------------------------------------------------------------------------

  @Test
  void q3WhichVersionAndWhichSensitivityClassesWentToWhom() {
    ObjectNode s = uniqueChild(freshSubmission("01"));
    s.putArray("recipients").add("ro-child-protection").add("ro-prosecutor");
    String recordId = s.at("/record/recordId").asText();
    post("/api/v1/exchanges", agencyToken("ro-police"), s);
    awaitAudit(recordId, "DISCLOSED", 2);

    JsonNode answer =
        get("/api/v1/audit/entries?record=" + recordId + "&action=DISCLOSED", auditor()).json();

    List<String> sent = new ArrayList<>();
    answer
        .path("entries")
        .forEach(
            e ->
                sent.add(
                    e.path("recipientAgency").asText()
                        + " v"
                        + e.path("recordVersion").asInt()
                        + " "
                        + e.path("classes").asText()));
    assertThat(sent)
        .containsExactlyInAnyOrder(
            "ro-child-protection v1 S1,S2,S3(summary),S4,S5,S6",
            "ro-prosecutor v1 S1,S2,S3,S4(summary),S5(summary),S6(summary),S7(summary)");
  }

  // ---- 4 --------------------------------------------------------------------------------------

  @Test
  void q4EveryPermitAndDenyWithTheConsentAsItStoodAtThatMoment() {
    ObjectNode stored = uniqueChild(freshSubmission("01"));
    String recordId = stored.at("/record/recordId").asText();
    post("/api/v1/exchanges", agencyToken("ro-police"), stored);
    Response consent = post("/api/v1/consents", agencyToken("ro-police"), consentFor(recordId));
    assertThat(consent.status()).as(consent.text()).isEqualTo(201);
    String consentId = consent.json().path("consentId").asText();
    Response permitted =
        post("/api/v1/exchanges", agencyToken("ro-police"), referral(stored, consentId));
    assertThat(permitted.json().at("/decisions/0/decision").asText()).isEqualTo("PERMIT");
    post("/api/v1/consents/" + consentId + "/withdrawal", agencyToken("ro-police"), "");
    Response denied =
        post("/api/v1/exchanges", agencyToken("ro-police"), referral(stored, consentId));
    assertThat(denied.json().at("/decisions/0/rule").asText()).isEqualTo("CONSENT-WITHDRAWN");

    JsonNode answer = get("/api/v1/audit/records/" + recordId + "/decisions", auditor()).json();

    List<JsonNode> toVictimSupport = new ArrayList<>();
    answer
        .path("decisions")
        .forEach(
            d -> {
              if (d.path("action").asText().equals("DECIDED")
                  && d.path("agency").asText().equals("ro-victim-support")) {
                toVictimSupport.add(d);
              }
            });
    // between them, if the first referral was delivered before the withdrawal, the decision to
    // send the recipient a revocation notice
    assertThat(toVictimSupport).hasSizeBetween(2, 3);
    JsonNode before = toVictimSupport.get(0);
    assertThat(before.path("outcome").asText()).isEqualTo("PERMIT");
    assertThat(before.path("rule").asText()).isEqualTo("POL-MATRIX+CONSENT");
    assertThat(before.at("/consent/consentId").asText()).isEqualTo(consentId);
    assertThat(before.at("/consent/state").asText()).isEqualTo("ACTIVE");
    assertThat(before.at("/consent/valid").asBoolean()).isTrue();
    JsonNode after = toVictimSupport.get(toVictimSupport.size() - 1);
    assertThat(after.path("outcome").asText()).isEqualTo("DENY");
    assertThat(after.path("rule").asText()).isEqualTo("CONSENT-WITHDRAWN");
    assertThat(after.at("/consent/state").asText()).isEqualTo("WITHDRAWN");
    assertThat(after.at("/consent/valid").asBoolean()).isFalse();
    assertThat(after.at("/consent/withdrawnAt").asText()).isNotBlank();
    // the decision without consent (child protection, legal basis only) names its basis
    JsonNode toChildProtection = answer.at("/decisions/0");
    assertThat(toChildProtection.path("agency").asText()).isEqualTo("ro-child-protection");
    assertThat(toChildProtection.path("legalBasis").asText()).isEqualTo("LED_ART_8");
    assertThat(toChildProtection.has("consent")).isFalse();
  }

  // ---- 5 --------------------------------------------------------------------------------------

  @Test
  void q5EveryBreakTheGlassAccessWithReasonAndReview() {
    ObjectNode s = uniqueChild(freshSubmission("01"));
    String recordId = s.at("/record/recordId").asText();
    post("/api/v1/exchanges", agencyToken("ro-police"), s);
    String path = "/api/v1/records/" + recordId;

    Response normal = get(path, agencyToken("nl-police"));
    Response emergency = getWith(path, agencyToken("nl-police"), "IMMINENT_RISK_TO_LIFE");
    Response outsideEu = getWith(path, agencyToken("rs-police"), "IMMINENT_RISK_TO_LIFE");
    Response notAllowed = getWith(path, agencyToken("ro-prosecutor"), "CHILD_MISSING");
    Response unknownReason = getWith(path, agencyToken("nl-police"), "CURIOSITY");

    assertThat(normal.status()).isEqualTo(404);
    assertThat(emergency.status()).as(emergency.text()).isEqualTo(200);
    // minimised to the policy's emergency classes for police: S1, S2, S3 (summary)
    assertThat(emergency.json().path("withheldClasses").toString())
        .contains("S4", "S5", "S6", "S7");
    assertThat(emergency.json().at("/record/assessment/childViews/viewsText").isMissingNode())
        .isTrue();
    assertThat(outsideEu.status()).isEqualTo(403);
    assertThat(outsideEu.json().path("rule").asText()).isEqualTo("HR-TRANSFER-BASIS");
    assertThat(notAllowed.status()).isEqualTo(403);
    assertThat(notAllowed.json().path("rule").asText()).isEqualTo("BTG-NOT-ALLOWED");
    assertThat(unknownReason.status()).isEqualTo(400);
    assertThat(unknownReason.json().at("/errors/0/pointer").asText())
        .isEqualTo("Focus-Break-Glass");

    String granted =
        get(
                "/api/v1/audit/entries?record=" + recordId + "&action=BREAK_GLASS&outcome=SUCCESS",
                auditor())
            .json()
            .at("/entries/0/entryId")
            .asText();
    Response review =
        post(
            "/api/v1/audit/break-glass/" + granted + "/review",
            auditor(),
            JSON.createObjectNode().put("finding", "JUSTIFIED"));
    assertThat(review.status()).as(review.text()).isEqualTo(201);
    assertThat(
            post(
                    "/api/v1/audit/break-glass/" + granted + "/review",
                    auditor(),
                    JSON.createObjectNode().put("finding", "UNJUSTIFIED"))
                .status())
        .isEqualTo(409);
    String notBreakGlass =
        get("/api/v1/audit/entries?record=" + recordId + "&action=COLLECTED", auditor())
            .json()
            .at("/entries/0/entryId")
            .asText();
    assertThat(
            post(
                    "/api/v1/audit/break-glass/" + notBreakGlass + "/review",
                    auditor(),
                    JSON.createObjectNode().put("finding", "JUSTIFIED"))
                .status())
        .isEqualTo(404);
    Response badFinding =
        post(
            "/api/v1/audit/break-glass/" + granted + "/review",
            auditor(),
            JSON.createObjectNode().put("finding", "FINE").put("note", "x"));
    assertThat(badFinding.status()).isEqualTo(400);
    assertThat(badFinding.json().findValuesAsText("pointer")).contains("/finding", "/note");

    JsonNode answer = get("/api/v1/audit/break-glass?record=" + recordId, auditor()).json();

    assertThat(answer.path("total").asLong()).isEqualTo(3);
    List<String> lines = new ArrayList<>();
    answer
        .path("accesses")
        .forEach(
            a ->
                lines.add(
                    a.at("/actor/agency").asText()
                        + " "
                        + a.path("outcome").asText()
                        + " "
                        + a.path("reason").asText()
                        + " review="
                        + a.at("/review/finding").asText("none")));
    assertThat(lines)
        .containsExactly(
            "nl-police SUCCESS IMMINENT_RISK_TO_LIFE review=JUSTIFIED",
            "rs-police DENY IMMINENT_RISK_TO_LIFE; refused: HR-TRANSFER-BASIS review=none",
            "ro-prosecutor DENY CHILD_MISSING; refused: BTG-NOT-ALLOWED review=none");
    JsonNode first = answer.at("/accesses/0");
    assertThat(first.at("/actor/person").asText()).isEqualTo("officer@nl-police");
    assertThat(first.path("classes").toString()).contains("S1", "S3(summary)");
    assertThat(first.at("/review/reviewer/role").asText()).isEqualTo("AUDITOR");
  }

  // ---- 6 --------------------------------------------------------------------------------------

  @Test
  void q6CrossBorderTransfersWithDestinationCountryAndLegalMechanism() {
    ObjectNode s = uniqueChild(freshSubmission("01"));
    s.putArray("recipients").add("rs-police").add("ro-child-protection");
    ((ObjectNode) s.get("legalBasis")).put("transferBasis", "LED_37_APPROPRIATE_SAFEGUARDS");
    String recordId = s.at("/record/recordId").asText();
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);
    assertThat(r.json().findValuesAsText("decision")).as(r.text()).containsOnly("PERMIT");
    String subject = r.json().path("subjectPseudonym").asText();
    awaitAudit(recordId, "DISCLOSED", 2);

    JsonNode answer = get("/api/v1/audit/transfers?subject=" + subject, auditor()).json();

    assertThat(answer.path("total").asLong()).isEqualTo(1);
    JsonNode t = answer.at("/transfers/0");
    assertThat(t.path("recordId").asText()).isEqualTo(recordId);
    assertThat(t.path("recipientAgency").asText()).isEqualTo("rs-police");
    assertThat(t.path("sourceCountry").asText()).isEqualTo("RO");
    assertThat(t.path("destinationCountry").asText()).isEqualTo("RS");
    assertThat(t.path("outsideEu").asBoolean()).isTrue();
    assertThat(t.path("transferBasis").asText()).isEqualTo("LED_37_APPROPRIATE_SAFEGUARDS");
    assertThat(t.path("legalBasis").asText()).isEqualTo("LED_ART_8");
    assertThat(get("/api/v1/audit/transfers?country=ROU", auditor()).status()).isEqualTo(400);
  }

  // ---- 7 --------------------------------------------------------------------------------------

  @Test
  void q7AllDisclosuresAboutOneChildForTheChildsAccessRequest() {
    ObjectNode first = uniqueChild(freshSubmission("01"));
    String firstRecord = first.at("/record/recordId").asText();
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), first);
    String subject = r.json().path("subjectPseudonym").asText();
    ObjectNode second = freshSubmission("01");
    second.set("record", first.get("record").deepCopy());
    ((ObjectNode) second.get("record")).put("recordId", UUID.randomUUID().toString());
    second.putArray("recipients").add("ro-prosecutor");
    String secondRecord = second.at("/record/recordId").asText();
    Response r2 = post("/api/v1/exchanges", agencyToken("ro-police"), second);
    assertThat(r2.json().path("subjectPseudonym").asText()).isEqualTo(subject);
    awaitAudit(firstRecord, "DISCLOSED", 1);
    awaitAudit(secondRecord, "DISCLOSED", 1);
    get("/api/v1/records/" + firstRecord, agencyToken("ro-child-protection"));

    JsonNode answer = get("/api/v1/audit/children/" + subject + "/disclosures", auditor()).json();

    assertThat(answer.path("subject").asText()).isEqualTo(subject);
    assertThat(answer.path("total").asLong()).isEqualTo(3);
    List<String> lines = new ArrayList<>();
    answer
        .path("disclosures")
        .forEach(
            d ->
                lines.add(
                    d.path("action").asText()
                        + " "
                        + (d.path("recordId").asText().equals(firstRecord) ? "first" : "second")
                        + " v"
                        + d.path("recordVersion").asInt()
                        + " to "
                        + d.path("recipientAgency").asText()
                        + " ("
                        + d.path("recipientCountry").asText()
                        + ") for "
                        + d.path("purpose").asText()
                        + " under "
                        + d.path("legalBasis").asText()));
    assertThat(lines)
        .containsExactlyInAnyOrder(
            "DISCLOSED first v1 to ro-child-protection (RO) for CHILD_PROTECTION under LED_ART_8",
            "DISCLOSED second v1 to ro-prosecutor (RO) for CHILD_PROTECTION under LED_ART_8",
            "CONSULTED first v1 to ro-child-protection (RO) for CHILD_PROTECTION under LED_ART_8");
    JsonNode consulted =
        StreamSupport.stream(answer.path("disclosures").spliterator(), false)
            .filter(d -> d.path("action").asText().equals("CONSULTED"))
            .findFirst()
            .orElseThrow();
    assertThat(consulted.at("/actor/person").asText()).isEqualTo("officer@ro-child-protection");
    assertThat(consulted.path("classes").toString()).contains("S6").doesNotContain("S7");
  }

  // ---- 8 --------------------------------------------------------------------------------------

  @Test
  void q8RetentionAndErasureRanOnScheduleTheLogIsIntactAndReadingItIsLogged() {
    Instant from = Instant.now().minusSeconds(1);
    // a retention pass outside the schedule, and an erasure request for a child of this test
    retention.runNow().orElseThrow();
    Response r =
        post("/api/v1/exchanges", agencyToken("ro-police"), uniqueChild(freshSubmission("01")));
    String recordId = r.json().path("recordId").asText();
    String reference = "DPO-Q8-" + UUID.randomUUID();
    Response erasure =
        post(
            "/api/v1/operations/erasures",
            roleToken("OPERATOR"),
            Map.of("recordId", recordId, "reason", "GDPR_ART17", "requestReference", reference));
    assertThat(erasure.status()).as(erasure.text()).isEqualTo(201);
    String to = Instant.now().plusSeconds(1).toString();

    JsonNode answer =
        get("/api/v1/audit/accountability?from=" + from + "&to=" + to, auditor()).json();

    // retention: the pass is logged with its counts; no slot of the schedule in this period was
    // missed (the nightly slot is not in a seconds-long window)
    JsonNode retentionAnswer = answer.path("retention");
    assertThat(retentionAnswer.path("schedule").asText()).isNotBlank();
    assertThat(retentionAnswer.path("runs")).isNotEmpty();
    assertThat(retentionAnswer.at("/runs/0/action").asText()).isEqualTo("RETENTION_RUN");
    assertThat(retentionAnswer.at("/runs/0/reason").asText()).contains("version(s)");
    assertThat(retentionAnswer.path("missed")).isEmpty();
    assertThat(retentionAnswer.path("onSchedule").asBoolean()).isTrue();
    // erasure: the request carried out, by whom, under which ground
    List<String> erasures = new ArrayList<>();
    answer
        .path("erasures")
        .forEach(e -> erasures.add(e.path("reason").asText() + " " + e.path("actorRole").asText()));
    assertThat(erasures).anyMatch(e -> e.contains(reference) && e.endsWith("OPERATOR"));
    // the log: verified now, intact, under a signed checkpoint
    assertThat(answer.at("/log/verification/intact").asBoolean())
        .as(answer.path("log").toString())
        .isTrue();
    assertThat(answer.at("/log/treeSize").asLong()).isPositive();
    // reading is logged: this very call has its own entry, and it is an auditor read
    String thisRead = answer.at("/reading/thisRead").asText();
    assertThat(answer.at("/reading/auditorReads").asLong()).isPositive();
    JsonNode logged =
        get("/api/v1/audit/entries?action=AUDIT_SEARCHED&from=" + from + "&to=" + to, auditor())
            .json();
    assertThat(logged.path("entries").findValuesAsText("entryId")).contains(thisRead);
  }

  // ---- 9 --------------------------------------------------------------------------------------

  @Test
  void q9FailedAuthenticationAuthorisationDenialsAndConfigurationChanges() throws Exception {
    String probe = "/api/v1/audit/probe-" + UUID.randomUUID();
    assertThat(get(probe + "?subject=psn-secret", null).status()).isEqualTo(401);
    assertThat(get(probe, "not-a-jwt").status()).isEqualTo(401);
    assertThat(get(probe, agencyToken("ro-police")).status()).isEqualTo(403);

    JsonNode answer = get("/api/v1/audit/security-events?size=500", auditor()).json();

    List<JsonNode> mine = new ArrayList<>();
    answer
        .path("entries")
        .forEach(
            e -> {
              if (e.path("reason").asText().contains(probe)) {
                mine.add(e);
              }
            });
    assertThat(mine)
        .extracting(e -> e.path("action").asText())
        .containsExactly("AUTH_FAILED", "AUTH_FAILED", "ACCESS_DENIED");
    JsonNode unauthenticated = mine.get(0);
    assertThat(unauthenticated.path("reason").asText()).isEqualTo("GET " + probe);
    assertThat(unauthenticated.path("channel").asText()).isEqualTo("REST");
    assertThat(unauthenticated.has("actorAgency")).isFalse();
    assertThat(mine.get(1).toString()).doesNotContain("not-a-jwt");
    JsonNode denied = mine.get(2);
    assertThat(denied.path("actorAgency").asText()).isEqualTo("ro-police");
    assertThat(denied.path("actorPerson").asText()).isEqualTo("officer@ro-police");
    assertThat(denied.path("reason").asText())
        .isEqualTo("GET " + probe + " rule=AUTH-ROLE-REQUIRED");

    List<String> configuration = new ArrayList<>();
    answer
        .path("entries")
        .forEach(
            e -> {
              if (e.path("action").asText().equals("CONFIGURATION_LOADED")) {
                configuration.add(e.path("reason").asText());
              }
            });
    assertThat(configuration)
        .anySatisfy(
            reason ->
                assertThat(reason)
                    .startsWith("policy sha256=" + sha256("/policy/default-policy.yaml") + " "))
        .anySatisfy(reason -> assertThat(reason).matches("agencies sha256=[0-9a-f]{64} .+"))
        .anySatisfy(reason -> assertThat(reason).matches("systems sha256=[0-9a-f]{64} .+"));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private String auditor() {
    return roleToken("AUDITOR");
  }

  /** Gives the child a national identifier of its own, so its pseudonym is this test's alone. */
  static ObjectNode uniqueChild(ObjectNode submission) {
    ObjectNode child = (ObjectNode) submission.at("/record/child");
    ObjectNode id =
        child.has("nationalIdentifiers") && child.get("nationalIdentifiers").size() > 0
            ? (ObjectNode) child.get("nationalIdentifiers").get(0)
            : child.putArray("nationalIdentifiers").addObject().put("country", "RO");
    id.put("value", "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    return submission;
  }

  private ObjectNode consentFor(String recordId) {
    ObjectNode c = JSON.createObjectNode().put("recordId", recordId);
    c.putObject("grantor").put("type", "CHILD");
    c.putArray("recipients").addObject().put("agencyId", "ro-victim-support");
    c.putArray("dataScope").add("S4").add("S6");
    c.putArray("purposes").add("VICTIM_SUPPORT");
    c.putArray("actions").add("disclose");
    c.putObject("period").put("start", "2026-01-01");
    c.put("childFriendlyInfoGiven", true);
    return c;
  }

  private static ObjectNode referral(ObjectNode stored, String consentId) {
    ObjectNode s = stored.deepCopy();
    s.put("messageId", UUID.randomUUID().toString());
    s.putArray("recipients").add("ro-victim-support");
    s.put("purposeOfUse", "VICTIM_SUPPORT");
    s.put("consentRef", consentId);
    return s;
  }

  /** Waits until the record has at least n entries of the action. */
  private void awaitAudit(String recordId, String action, int n) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql("select count(*) from audit_entry where record_id = :r and action = :a")
                    .param("r", recordId)
                    .param("a", action)
                    .query(Long.class)
                    .single(),
            c -> c >= n);
  }

  private static JsonNode only(JsonNode page, String action) {
    List<JsonNode> found = new ArrayList<>();
    page.path("entries")
        .forEach(
            e -> {
              if (e.path("action").asText().equals(action)) {
                found.add(e);
              }
            });
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** GET with a Focus-Break-Glass header. */
  private Response getWith(String path, String token, String breakGlassReason) {
    return get(path, token, Map.of("Focus-Break-Glass", breakGlassReason));
  }

  private static String sha256(String classpathResource) throws Exception {
    try (InputStream in = AuditorQuestionsIT.class.getResourceAsStream(classpathResource)) {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
  }
}
