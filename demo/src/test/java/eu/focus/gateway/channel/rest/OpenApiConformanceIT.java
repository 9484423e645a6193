package eu.focus.gateway.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.support.GatewayIT;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the gateway serves is what integrators generate clients from, so it must
 * describe the answers the gateway really gives: every member an answer carries is declared, every
 * member the document requires is there, at every depth the document describes. (The contract's own
 * documents, referenced as {@code schemas/...}, are validated by their JSON Schemas elsewhere.)
 * Written after the document had drifted twice from the REST answers unnoticed.
 */
class OpenApiConformanceIT extends GatewayIT {

  @Test
  void theRestAnswersAreTheOnesTheServedDocumentDescribes() {
    JsonNode openapi = get("/api/v1/openapi.json", null).json();
    String police = agencyToken("ro-police");
    List<String> drift = new ArrayList<>();

    ObjectNode submission = freshSubmission("01");
    // a child of its own: the erasure below erases every record of the child
    ((ObjectNode) submission.at("/record/child/nationalIdentifiers/0"))
        .put("value", UUID.randomUUID().toString());
    String recordId = submission.at("/record/recordId").asText();
    Response accepted = post("/api/v1/exchanges", police, submission);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    check(openapi, "POST /exchanges 202", "/paths/~1exchanges/post/responses/202", accepted, drift);

    String exchangeId = accepted.json().path("exchangeId").asText();
    Response exchange = get("/api/v1/exchanges/" + exchangeId, police);
    check(
        openapi,
        "GET /exchanges/{id} 200",
        "/paths/~1exchanges~1{exchangeId}/get/responses/200",
        exchange,
        drift);

    ObjectNode consent = JSON.createObjectNode().put("recordId", recordId);
    consent.putObject("grantor").put("type", "CHILD");
    consent.putArray("recipients").addObject().put("agencyId", "ro-victim-support");
    consent.putArray("dataScope").add("S4");
    consent.putArray("purposes").add("VICTIM_SUPPORT");
    consent.putArray("actions").add("disclose");
    consent.putObject("period").put("start", "2026-01-01");
    consent.put("consentId", UUID.randomUUID().toString());
    Response registered = post("/api/v1/consents", police, consent);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    Response withdrawn =
        post(
            "/api/v1/consents/" + consent.path("consentId").asText() + "/withdrawal",
            police,
            JSON.createObjectNode());
    check(
        openapi,
        "POST /consents/{id}/withdrawal 200",
        "/paths/~1consents~1{consentId}~1withdrawal/post/responses/200",
        withdrawn,
        drift);

    Response audit = get("/api/v1/audit/entries?record=" + recordId, roleToken("AUDITOR"));
    check(
        openapi,
        "GET /audit/entries 200",
        "/paths/~1audit~1entries/get/responses/200",
        audit,
        drift);

    String auditor = roleToken("AUDITOR");
    String subject = accepted.json().path("subjectPseudonym").asText();
    Response disclosures = get("/api/v1/audit/children/" + subject + "/disclosures", auditor);
    check(
        openapi,
        "GET /audit/children/{pseudonym}/disclosures 200",
        "/paths/~1audit~1children~1{pseudonym}~1disclosures/get/responses/200",
        disclosures,
        drift);
    Response decisions = get("/api/v1/audit/records/" + recordId + "/decisions", auditor);
    check(
        openapi,
        "GET /audit/records/{recordId}/decisions 200",
        "/paths/~1audit~1records~1{recordId}~1decisions/get/responses/200",
        decisions,
        drift);
    get(
        "/api/v1/records/" + recordId,
        agencyToken("nl-police"),
        java.util.Map.of("Focus-Break-Glass", "CHILD_MISSING"));
    Response breakGlass = get("/api/v1/audit/break-glass?record=" + recordId, auditor);
    assertThat(breakGlass.json().path("total").asLong()).isEqualTo(1);
    check(
        openapi,
        "GET /audit/break-glass 200",
        "/paths/~1audit~1break-glass/get/responses/200",
        breakGlass,
        drift);
    Response review =
        post(
            "/api/v1/audit/break-glass/"
                + breakGlass.json().at("/accesses/0/entryId").asText()
                + "/review",
            auditor,
            JSON.createObjectNode().put("finding", "JUSTIFIED"));
    check(
        openapi,
        "POST /audit/break-glass/{entryId}/review 201",
        "/paths/~1audit~1break-glass~1{entryId}~1review/post/responses/201",
        review,
        drift);
    Response reviewed = get("/api/v1/audit/break-glass?record=" + recordId, auditor);
    check(
        openapi,
        "GET /audit/break-glass 200 (reviewed)",
        "/paths/~1audit~1break-glass/get/responses/200",
        reviewed,
        drift);
    Response transfers = get("/api/v1/audit/transfers?size=5", auditor);
    check(
        openapi,
        "GET /audit/transfers 200",
        "/paths/~1audit~1transfers/get/responses/200",
        transfers,
        drift);
    Response security = get("/api/v1/audit/security-events?size=5", auditor);
    check(
        openapi,
        "GET /audit/security-events 200",
        "/paths/~1audit~1security-events/get/responses/200",
        security,
        drift);
    Response badSearch = get("/api/v1/audit/entries?size=0", auditor);
    check(
        openapi,
        "GET /audit/entries 400",
        "/paths/~1audit~1entries/get/responses/400",
        badSearch,
        drift);

    Response agencies = get("/api/v1/agencies", police);
    check(openapi, "GET /agencies 200", "/paths/~1agencies/get/responses/200", agencies, drift);

    ObjectNode erasure =
        JSON.createObjectNode()
            .put("recordId", recordId)
            .put("reason", "GDPR_ART17")
            .put("requestReference", "DPO-" + UUID.randomUUID());
    Response erased = post("/api/v1/operations/erasures", roleToken("OPERATOR"), erasure);
    assertThat(erased.status()).as(erased.text()).isEqualTo(201);
    check(
        openapi,
        "POST /operations/erasures 201",
        "/paths/~1operations~1erasures/post/responses/201",
        erased,
        drift);
    Response erasureShown =
        get(
            "/api/v1/operations/erasures/" + erased.json().path("erasureId").asText(),
            roleToken("OPERATOR"));
    check(
        openapi,
        "GET /operations/erasures/{id} 200",
        "/paths/~1operations~1erasures~1{erasureId}/get/responses/200",
        erasureShown,
        drift);
    Response gone = get("/api/v1/records/" + recordId, police);
    assertThat(gone.status()).isEqualTo(410);
    check(
        openapi,
        "GET /records/{id} 410",
        "/paths/~1records~1{recordId}/get/responses/410",
        gone,
        drift);

    submission.put("purposeOfUse", "NO_SUCH_PURPOSE");
    submission.put("messageId", UUID.randomUUID().toString());
    Response problem = post("/api/v1/exchanges", police, submission);
    assertThat(problem.status()).isEqualTo(422);
    check(openapi, "POST /exchanges 422", "/paths/~1exchanges/post/responses/422", problem, drift);

    assertThat(drift).as("answers the served OpenAPI document does not describe").isEmpty();
  }

  private static void check(
      JsonNode openapi, String call, String responsePointer, Response r, List<String> drift) {
    JsonNode response = resolve(openapi, openapi.at(responsePointer));
    assertThat(response.isMissingNode()).as(call + " is documented").isFalse();
    JsonNode content = response.path("content");
    Iterator<String> mediaTypes = content.fieldNames();
    assertThat(mediaTypes.hasNext()).as(call + " has a documented body").isTrue();
    JsonNode schema = content.path(mediaTypes.next()).path("schema");
    conform(openapi, call, "", r.json(), schema, drift);
  }

  /** Members against the document's {@code properties} and {@code required}, recursively. */
  private static void conform(
      JsonNode openapi,
      String call,
      String at,
      JsonNode value,
      JsonNode schema,
      List<String> drift) {
    schema = resolve(openapi, schema);
    if (schema.has("$ref") || value == null || value.isNull()) {
      return; // a contract document (schemas/...): validated by its own JSON Schema
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        conform(openapi, call, at + "/" + i, value.get(i), schema.get("items"), drift);
      }
      return;
    }
    if (!value.isObject() || !schema.has("properties")) {
      return;
    }
    JsonNode properties = schema.get("properties");
    value
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!properties.has(name)) {
                drift.add(call + ": " + at + "/" + name + " is sent but not declared");
              } else {
                conform(
                    openapi, call, at + "/" + name, value.get(name), properties.get(name), drift);
              }
            });
    schema
        .path("required")
        .forEach(
            required -> {
              if (!value.has(required.asText())) {
                drift.add(call + ": " + at + "/" + required.asText() + " is required but not sent");
              }
            });
  }

  /** Follows references inside the document; leaves references to contract schemas as they are. */
  private static JsonNode resolve(JsonNode openapi, JsonNode node) {
    while (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
      node = openapi.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }
}
