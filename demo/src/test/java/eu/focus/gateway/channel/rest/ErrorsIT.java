package eu.focus.gateway.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.support.GatewayIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every error of docs/domain.md's list ("Errors") gets its problem document, never a 500 or a stack
 * trace, and leaves nothing written.
 */
class ErrorsIT extends GatewayIT {

  private Map<String, Long> before;

  @BeforeEach
  void remember() {
    before = counts();
  }

  private void assertNothingWritten() {
    assertThat(counts()).isEqualTo(before);
  }

  private static void assertProblem(Response r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("status").asInt()).isEqualTo(status);
    assertThat(r.json().path("type").asText()).startsWith("https://focus-gateway.eu/problems/");
    assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void malformedJsonIs400() {
    Response r =
        postRaw("/api/v1/exchanges", agencyToken("ro-police"), "application/json", "{\"a\":");

    assertProblem(r, 400);
    assertNothingWritten();
  }

  @Test
  void missingOrForgedTokenIs401() {
    Response none = post("/api/v1/exchanges", null, freshSubmission("01"));
    Response forged =
        post("/api/v1/exchanges", "eyJhbGciOiJIUzI1NiJ9.e30.x", freshSubmission("01"));

    assertProblem(none, 401);
    assertProblem(forged, 401);
    assertNothingWritten();
  }

  @Test
  void wrongRoleIs403WithTheRule() {
    Response r = post("/api/v1/exchanges", roleToken("AUDITOR"), freshSubmission("01"));
    Response agencyReadingAudit = get("/api/v1/audit/entries", agencyToken("ro-police"));

    assertProblem(r, 403);
    assertThat(r.json().path("rule").asText()).isEqualTo("AUTH-ROLE-REQUIRED");
    assertProblem(agencyReadingAudit, 403);
    assertNothingWritten();
  }

  @Test
  void submittingInAnotherAgencysNameIs403WithTheRule() {
    Response r = post("/api/v1/exchanges", agencyToken("nl-police"), freshSubmission("01"));

    assertProblem(r, 403);
    assertThat(r.json().path("rule").asText()).isEqualTo("AUTH-SOURCE-AGENCY");
    assertNothingWritten();
    // the refusal itself is a security event in the audit log
    JsonNode rejected =
        get("/api/v1/audit/entries?action=REJECTED&agency=nl-police", roleToken("AUDITOR")).json();
    assertThat(rejected.findValuesAsText("reason")).contains("AUTH-SOURCE-AGENCY");
  }

  @Test
  void unknownRecordIs404() {
    Response r = get("/api/v1/records/" + UUID.randomUUID(), agencyToken("ro-police"));
    Response exchange = get("/api/v1/exchanges/" + UUID.randomUUID(), agencyToken("ro-police"));

    assertProblem(r, 404);
    assertProblem(exchange, 404);
  }

  @Test
  void versionThatIsNotTheNextIs409() {
    ObjectNode s = freshSubmission("01");
    ((ObjectNode) s.get("record")).put("version", 3).put("previousVersion", 2);

    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);

    assertProblem(r, 409);
    assertNothingWritten();
  }

  @Test
  void replayedMessageIdIs409AndStoresNothingTwice() {
    ObjectNode s = freshSubmission("01");
    assertThat(post("/api/v1/exchanges", agencyToken("ro-police"), s).status()).isEqualTo(202);
    Map<String, Long> afterFirst = counts();

    ObjectNode again = s.deepCopy();
    ((ObjectNode) again.get("record")).put("recordId", UUID.randomUUID().toString());
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), again);

    assertProblem(r, 409);
    assertThat(counts()).isEqualTo(afterFirst);
  }

  @Test
  void bodyOverTheLimitIs413() {
    // the IT profile sets focus.api.max-body-size=64KB
    ObjectNode s = freshSubmission("01");
    s.put("padding", "x".repeat(70_000));

    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);

    assertProblem(r, 413);
    assertNothingWritten();
  }

  @Test
  void wrongMediaTypeIs415() {
    Response r =
        postRaw(
            "/api/v1/exchanges",
            agencyToken("ro-police"),
            "text/plain",
            freshSubmission("01").toString());

    assertProblem(r, 415);
    assertNothingWritten();
  }

  @Test
  void contractViolationsAre422WithEveryViolationAsAJsonPointer() {
    ObjectNode s = freshSubmission("01");
    s.remove("purposeOfUse");
    ((ObjectNode) s.get("record")).put("version", "one");
    ((ObjectNode) s.at("/record/case/offences/0")).put("iccs", "99");

    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);

    assertProblem(r, 422);
    List<String> pointers = new ArrayList<>();
    r.json().path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertThat(pointers)
        .contains("/record/version", "/record/case/offences/0/iccs")
        .anyMatch(p -> p.isEmpty() || p.equals("/purposeOfUse"));
    for (JsonNode e : r.json().path("errors")) {
      assertThat(e.path("message").asText()).isNotBlank();
    }
    assertNothingWritten();
  }

  @Test
  void unknownRecipientIs422NamingTheRecipient() {
    ObjectNode s = freshSubmission("01");
    s.putArray("recipients").add("ro-child-protection").add("xx-nobody");

    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), s);

    assertProblem(r, 422);
    assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/recipients/1");
    assertNothingWritten();
  }

  @Test
  void aJsonArrayInsteadOfAnObjectIs422NotA500() {
    Response r =
        postRaw("/api/v1/exchanges", agencyToken("ro-police"), "application/json", "[1,2]");

    assertProblem(r, 422);
    assertNothingWritten();
  }
}
