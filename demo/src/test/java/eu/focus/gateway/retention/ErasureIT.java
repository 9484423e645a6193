package eu.focus.gateway.retention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import eu.focus.gateway.support.GatewayIT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Erasure of a child on request: content gone from every table that held it, audit entries intact,
 * reads answer 410 on every channel, a repeat changes nothing, bad requests are refused.
 */
class ErasureIT extends GatewayIT {

  private static final String PATH = "/api/v1/operations/erasures";

  @Test
  void erasesEveryRecordOfTheChildAndKeepsTheAuditLog() {
    String child = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    ObjectNode first = submission(child, "ro-court", "ADJUDICATION");
    String a = submit(first);
    String delivered = deliveryOf(a, 1);
    awaitDeliveryStatus(delivered, "DELIVERED");
    // a second version of A, and a second record B of the same child with a dead letter
    ObjectNode v2 = (ObjectNode) first.deepCopy();
    v2.put("messageId", UUID.randomUUID().toString());
    ObjectNode rec = (ObjectNode) v2.get("record");
    rec.put("version", 2).put("previousVersion", 1);
    ((ObjectNode) rec.get("versioning")).put("changeReason", "CORRECTION");
    Response second = post("/api/v1/records/" + a + "/versions", agencyToken("ro-police"), v2);
    assertThat(second.status()).as(second.text()).isEqualTo(202);
    awaitDeliveryStatus(deliveryOf(a, 2), "DELIVERED");
    RECIPIENTS.stubFor(
        WireMock.post(urlPathEqualTo("/ro-prosecutor/inbox"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(500)));
    String b = submit(submission(child, "ro-prosecutor", "PROSECUTION_DECISION"));
    String deadLetter = deliveryOf(b, 1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> deliveryStatus(deadLetter).equals("DEAD_LETTER"));
    RECIPIENTS.resetMappings();
    acceptEverythingByDefault();
    // another child's record, which must stay
    String kept = submit(submission(other, "ro-court", "ADJUDICATION"));
    String keptContent = contentOf(kept);
    String subject = pseudonymOf(a);
    List<Map<String, Object>> auditBefore = auditOf(List.of(a, b));

    String reference = "DPO-2026-" + UUID.randomUUID();
    Response erased =
        post(
            PATH,
            roleToken("OPERATOR"),
            Map.of("recordId", b, "reason", "GDPR_ART17", "requestReference", reference));

    assertThat(erased.status()).as(erased.text()).isEqualTo(201);
    JsonNode e = erased.json();
    assertThat(e.path("subjectPseudonym").asText()).isEqualTo(subject);
    assertThat(e.path("versionsErased").asInt()).isEqualTo(3);
    assertThat(e.path("deliveriesCancelled").asInt()).isEqualTo(1);
    assertThat(JSON.convertValue(e.path("records"), List.class)).containsExactlyInAnyOrder(a, b);
    // content gone from every version; the rows stay for the log to point at
    for (String id : List.of(a, b)) {
      List<Map<String, Object>> rows =
          jdbc.sql(
                  "select content, content_erased_at, erasure_id from assessment_record"
                      + " where record_id = :r")
              .param("r", id)
              .query()
              .listOfRows();
      assertThat(rows).isNotEmpty();
      rows.forEach(
          row -> {
            assertThat(row.get("content")).isNull();
            assertThat(row.get("content_erased_at")).isNotNull();
            assertThat(row.get("erasure_id")).isEqualTo(e.path("erasureId").asText());
          });
    }
    assertThat(contentOf(kept)).isEqualTo(keptContent);
    // the dead letter is cancelled and cannot be replayed; what was delivered stays delivered
    assertThat(deliveryStatus(deadLetter)).isEqualTo("CANCELLED");
    assertThat(deliveryStatus(delivered)).isEqualTo("DELIVERED");
    assertThat(
            post(
                    "/api/v1/operations/deliveries/" + deadLetter + "/replay",
                    roleToken("OPERATOR"),
                    "")
                .status())
        .isEqualTo(409);
    // the audit log: everything before is there unchanged, plus ERASED per version and the request
    assertThat(auditOf(List.of(a, b))).containsAll(auditBefore);
    assertThat(erasedVersions(a)).containsExactlyInAnyOrder(1, 2);
    assertThat(erasedVersions(b)).containsExactly(1);
    JsonNode bySubject =
        get("/api/v1/audit/entries?action=ERASED&size=500&subject=" + subject, roleToken("AUDITOR"))
            .json();
    assertThat(bySubject.findValuesAsText("reason"))
        .anySatisfy(
            r -> assertThat(r).startsWith("request erasure " + e.path("erasureId").asText()));

    // reads answer 410 erased, on every channel, and are audited as refused
    Response rest = get("/api/v1/records/" + a, agencyToken("ro-court"));
    assertThat(rest.status()).as(rest.text()).isEqualTo(410);
    assertThat(rest.contentType()).startsWith("application/problem+json");
    assertThat(rest.json().path("type").asText()).endsWith("/erased");
    assertThat(get("/api/v1/records/" + a, agencyToken("ro-police")).status()).isEqualTo(410);
    assertThat(get("/api/v1/records/" + UUID.randomUUID(), agencyToken("ro-court")).status())
        .isEqualTo(404);
    // an agency that never received it learns nothing, not even that it was erased
    assertThat(get("/api/v1/records/" + a + "?version=1", agencyToken("hu-prosecutor")).status())
        .isEqualTo(404);
    Response fhir = get("/fhir/Bundle/" + a, agencyToken("ro-court"));
    assertThat(fhir.status()).as(fhir.text()).isEqualTo(410);
    assertThat(fhir.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(fhir.json().at("/issue/0/code").asText()).isEqualTo("deleted");
    assertThat(fhir.text()).contains("erased");
    Response soap =
        postRaw(
            "/services/focus/v1/exchange",
            agencyToken("ro-court"),
            "text/xml; charset=UTF-8",
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ReadAssessmentRequest xmlns=\"urn:eu:focus:exchange:v1\"><recordId>"
                + a
                + "</recordId></ReadAssessmentRequest></soap:Body></soap:Envelope>",
            Map.of("SOAPAction", "\"\""));
    assertThat(soap.text()).contains("Fault").containsPattern("<([a-z0-9]+:)?code>erased<");
    assertThat(soap.text()).containsPattern("<([a-z0-9]+:)?status>410<");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where record_id = :r and action = 'CONSULTED'"
                        + " and outcome = 'DENY' and reason = 'ERASED'")
                .param("r", a)
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(4);
    // a new version of an erased record is refused
    ObjectNode v3 = (ObjectNode) v2.deepCopy();
    v3.put("messageId", UUID.randomUUID().toString());
    ((ObjectNode) v3.get("record")).put("version", 3).put("previousVersion", 2);
    assertThat(post("/api/v1/records/" + a + "/versions", agencyToken("ro-police"), v3).status())
        .isEqualTo(410);

    // the same request again: the same answer, nothing new
    long auditCount = auditOf(List.of(a, b)).size();
    Response again =
        post(
            PATH,
            roleToken("OPERATOR"),
            Map.of("recordId", b, "reason", "GDPR_ART17", "requestReference", reference));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("erasureId")).isEqualTo(e.path("erasureId"));
    assertThat(auditOf(List.of(a, b))).hasSize((int) auditCount);
    // a new request for the erased child is recorded, and erases nothing more
    Response another =
        post(
            PATH,
            roleToken("OPERATOR"),
            Map.of(
                "subjectPseudonym",
                subject,
                "reason",
                "LED_ART16",
                "requestReference",
                "DPO-" + UUID.randomUUID()));
    assertThat(another.status()).as(another.text()).isEqualTo(201);
    assertThat(another.json().path("versionsErased").asInt()).isZero();
    assertThat(another.json().path("records")).isEmpty();
    assertThat(erasedVersions(a)).hasSize(2);
    // and it can be looked up
    Response shown = get(PATH + "/" + e.path("erasureId").asText(), roleToken("OPERATOR"));
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json().path("requestReference").asText()).isEqualTo(reference);
    assertThat(shown.json().path("versionsErased").asInt()).isEqualTo(3);
    assertThat(shown.json().path("reason").asText()).isEqualTo("GDPR_ART17");
  }

  @Test
  void badRequestsAreRefusedWithEveryProblemAndNothingErased() {
    String operator = roleToken("OPERATOR");
    long erasuresBefore = count("erasure_request");

    Response empty = post(PATH, operator, JSON.createObjectNode());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("errors").findValuesAsText("pointer"))
        .containsExactlyInAnyOrder("", "/reason", "/requestReference");

    Response both =
        post(
            PATH,
            operator,
            Map.of(
                "subjectPseudonym", "psn-x",
                "recordId", "not-a-uuid",
                "reason", "BECAUSE",
                "requestReference", "Jane Doe's request",
                "extra", 1));
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().path("errors").findValuesAsText("pointer"))
        .contains("/recordId", "/reason", "/requestReference", "/extra");

    assertThat(post(PATH, operator, "[1,2]").status()).isEqualTo(400);
    assertThat(post(PATH, operator, "{not json").status()).isEqualTo(400);

    Response unknownRecord =
        post(
            PATH,
            operator,
            Map.of(
                "recordId",
                UUID.randomUUID().toString(),
                "reason",
                "GDPR_ART17",
                "requestReference",
                "DPO-1"));
    assertThat(unknownRecord.status()).isEqualTo(404);
    Response unknownChild =
        post(
            PATH,
            operator,
            Map.of(
                "subjectPseudonym", "psn-nobody", "reason", "LED_ART16", "requestReference", "R1"));
    assertThat(unknownChild.status()).isEqualTo(404);
    assertThat(get(PATH + "/" + UUID.randomUUID(), operator).status()).isEqualTo(404);
    assertThat(count("erasure_request")).isEqualTo(erasuresBefore);

    // only operators
    Response agency =
        post(
            PATH,
            agencyToken("ro-police"),
            Map.of("subjectPseudonym", "psn-x", "reason", "LED_ART16", "requestReference", "R2"));
    assertThat(agency.status()).isEqualTo(403);
    assertThat(
            post(
                    PATH,
                    roleToken("AUDITOR"),
                    Map.of(
                        "subjectPseudonym",
                        "psn-x",
                        "reason",
                        "LED_ART16",
                        "requestReference",
                        "R3"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void aReferenceUsedForOneChildCannotBeReusedForAnother() {
    String a = submit(submission(UUID.randomUUID().toString(), "ro-court", "ADJUDICATION"));
    String b = submit(submission(UUID.randomUUID().toString(), "ro-court", "ADJUDICATION"));
    awaitDeliveryStatus(deliveryOf(a, 1), "DELIVERED");
    awaitDeliveryStatus(deliveryOf(b, 1), "DELIVERED");
    String reference = "DPO-" + UUID.randomUUID();
    String operator = roleToken("OPERATOR");
    assertThat(
            post(
                    PATH,
                    operator,
                    Map.of("recordId", a, "reason", "COURT_ORDER", "requestReference", reference))
                .status())
        .isEqualTo(201);
    Response conflict =
        post(
            PATH,
            operator,
            Map.of("recordId", b, "reason", "COURT_ORDER", "requestReference", reference));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(contentOf(b)).isNotNull();
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Example 01 for one child (by national identifier), to one recipient. */
  private static ObjectNode submission(String child, String recipient, String purpose) {
    ObjectNode s = freshSubmission("01");
    ((ObjectNode) s.at("/record/child/nationalIdentifiers/0")).put("value", child);
    s.putArray("recipients").add(recipient);
    s.put("purposeOfUse", purpose);
    return s;
  }

  private String submit(ObjectNode s) {
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    assertThat(r.json().at("/decisions/0/decision").asText()).as(r.text()).isEqualTo("PERMIT");
    return s.at("/record/recordId").asText();
  }

  private String deliveryOf(String recordId, int version) {
    return jdbc.sql("select delivery_id from delivery where record_id = :r and record_version = :v")
        .param("r", recordId)
        .param("v", version)
        .query(String.class)
        .single();
  }

  private String pseudonymOf(String recordId) {
    return jdbc.sql("select distinct subject_pseudonym from assessment_record where record_id = :r")
        .param("r", recordId)
        .query(String.class)
        .single();
  }

  private String contentOf(String recordId) {
    return jdbc.sql(
            "select content from assessment_record where record_id = :r order by version desc"
                + " fetch first 1 rows only")
        .param("r", recordId)
        .query((rs, n) -> rs.getString(1))
        .single();
  }

  private List<Map<String, Object>> auditOf(List<String> recordIds) {
    return jdbc.sql(
            "select seq, entry_id, action, canonical from audit_entry where record_id in (:ids)"
                + " order by seq")
        .param("ids", recordIds)
        .query()
        .listOfRows();
  }

  private List<Integer> erasedVersions(String recordId) {
    return jdbc.sql(
            "select record_version from audit_entry where record_id = :r and action = 'ERASED'"
                + " order by record_version")
        .param("r", recordId)
        .query(Integer.class)
        .list();
  }
}
