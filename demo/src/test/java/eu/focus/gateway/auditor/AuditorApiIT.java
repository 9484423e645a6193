package eu.focus.gateway.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.Violation;
import eu.focus.contract.fhir.ContractFhirValidation;
import eu.focus.gateway.security.Caller;
import eu.focus.gateway.support.GatewayIT;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The auditor API beyond the nine questions: bad parameters, exports, reading being logged. */
class AuditorApiIT extends GatewayIT {

  @Autowired ContractFhirValidation fhirValidation;
  @Autowired FhirContext fhir;

  @Test
  void listsEveryBadOrUnknownParameterInOneProblem() {
    Response r =
        get(
            "/api/v1/audit/entries?from=yesterday&size=501&action=NOPE&outcome=MAYBE&subjet=x"
                + "&to=2020-01-01T00:00:00Z&page=-1",
            auditor());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(new TreeSet<>(r.json().findValuesAsText("pointer")))
        .containsExactly("action", "from", "outcome", "page", "size", "subjet");
    assertThat(get("/api/v1/audit/export.csv?page=1", auditor()).status()).isEqualTo(400);
    assertThat(get("/api/v1/audit/children/bad%20name/disclosures", auditor()).status())
        .isEqualTo(400);
  }

  @Test
  void searchesByPersonPurposeOutcomeAndSeveralActions() {
    ObjectNode s = AuditorQuestionsIT.uniqueChild(freshSubmission("02"));
    String recordId = s.at("/record/recordId").asText();
    post("/api/v1/exchanges", agencyToken("ro-police"), s);

    JsonNode found =
        get(
                "/api/v1/audit/entries?record="
                    + recordId
                    + "&person=officer@ro-police&purpose="
                    + s.path("purposeOfUse").asText()
                    + "&outcome=DENY&action=DECIDED&action=COLLECTED",
                auditor())
            .json();

    assertThat(found.path("total").asLong()).isEqualTo(1);
    assertThat(found.at("/entries/0/action").asText()).isEqualTo("DECIDED");
    assertThat(found.at("/entries/0/reason").asText()).startsWith("HR-SUSPECT-NOT-TO-VICTIM-SIDE");
  }

  @Test
  void recordsEveryAuditorCallBeforeAnswering() {
    String person = "auditor-" + UUID.randomUUID();
    String token = tokens.issue(null, person, List.of(Caller.AUDITOR), Duration.ofMinutes(5));
    String record = UUID.randomUUID().toString();

    get("/api/v1/audit/entries?record=" + record, token);
    get("/api/v1/audit/children/psn-nobody/disclosures", token);
    get("/api/v1/audit/records/" + record + "/decisions", token);
    get("/api/v1/audit/transfers", token);
    get("/api/v1/audit/break-glass", token);
    get("/api/v1/audit/security-events", token);
    get("/api/v1/audit/export.csv?record=" + record, token);
    get("/api/v1/audit/export.fhir?record=" + record, token);

    JsonNode logged = get("/api/v1/audit/entries?person=" + person + "&size=100", auditor()).json();
    List<String> actions = new ArrayList<>();
    logged.path("entries").forEach(e -> actions.add(e.path("action").asText()));
    assertThat(actions)
        .containsExactly(
            "AUDIT_SEARCHED",
            "AUDIT_SEARCHED",
            "AUDIT_SEARCHED",
            "AUDIT_SEARCHED",
            "AUDIT_SEARCHED",
            "AUDIT_SEARCHED",
            "AUDIT_EXPORTED",
            "AUDIT_EXPORTED");
    logged
        .path("entries")
        .forEach(
            e -> {
              assertThat(e.path("actorRole").asText()).isEqualTo("AUDITOR");
              assertThat(e.path("purpose").asText()).isEqualTo("SUPERVISORY_AUDIT");
            });
    assertThat(logged.at("/entries/6/reason").asText()).startsWith("csv ");
    assertThat(logged.at("/entries/1/subjectPseudonym").asText()).isEqualTo("psn-nobody");
  }

  @Test
  void exportsCsvWithAHeaderRowAndFormulasNeutralised() throws Exception {
    String record = UUID.randomUUID().toString();
    // an auditor whose token subject a spreadsheet would run as a formula
    String formula = "=HYPERLINK(\"http://x\",\"a,b\")";
    String token = tokens.issue(null, formula, List.of(Caller.AUDITOR), Duration.ofMinutes(5));
    get("/api/v1/audit/entries?record=" + record, token);

    Response csv = get("/api/v1/audit/export.csv?record=" + record, auditor());

    assertThat(csv.status()).as(csv.text()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
    assertThat(csv.text()).contains("\r\n");
    List<CSVRecord> rows;
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.text()))) {
      assertThat(parser.getHeaderNames()).startsWith("seq", "entryId", "occurredAt", "action");
      rows = parser.getRecords();
    }
    assertThat(rows).extracting(r -> r.get("action")).contains("AUDIT_SEARCHED");
    CSVRecord searched =
        rows.stream().filter(r -> r.get("action").equals("AUDIT_SEARCHED")).findFirst().get();
    assertThat(searched.get("actorPerson")).isEqualTo("'" + formula);
    assertThat(searched.get("recordId")).isEqualTo(record);
  }

  @Test
  void exportsAFhirBundleOfAuditEventsThatTheContractProfilesAccept() {
    ObjectNode s = AuditorQuestionsIT.uniqueChild(freshSubmission("01"));
    String recordId = s.at("/record/recordId").asText();
    post("/api/v1/exchanges", agencyToken("ro-police"), s);
    ObjectNode consent = JSON.createObjectNode().put("recordId", recordId);
    consent.putObject("grantor").put("type", "CHILD");
    consent.putArray("recipients").addObject().put("agencyId", "ro-victim-support");
    consent.putArray("dataScope").add("S4");
    consent.putArray("purposes").add("VICTIM_SUPPORT");
    consent.putArray("actions").add("disclose");
    consent.putObject("period").put("start", "2026-01-01");
    consent.put("childFriendlyInfoGiven", true);
    String consentId =
        post("/api/v1/consents", agencyToken("ro-police"), consent)
            .json()
            .path("consentId")
            .asText();
    ObjectNode referral = s.deepCopy();
    referral.put("messageId", UUID.randomUUID().toString());
    referral.putArray("recipients").add("ro-victim-support");
    referral.put("purposeOfUse", "VICTIM_SUPPORT");
    referral.put("consentRef", consentId);
    post("/api/v1/exchanges", agencyToken("ro-police"), referral);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                get("/api/v1/audit/entries?record=" + recordId + "&action=DISCLOSED", auditor())
                    .json()
                    .path("total")
                    .asLong(),
            n -> n >= 2);
    get("/api/v1/records/" + recordId, agencyToken("ro-child-protection"));
    post("/api/v1/consents/" + consentId + "/withdrawal", agencyToken("ro-police"), "");
    get("/api/v1/records/" + recordId, agencyToken("ro-victim-support")); // denied now

    Response export = get("/api/v1/audit/export.fhir?record=" + recordId, auditor());

    assertThat(export.status()).as(export.text()).isEqualTo(200);
    assertThat(export.contentType()).startsWith("application/fhir+json");
    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, export.text());
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
    Set<String> actions = new TreeSet<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      AuditEvent event = (AuditEvent) entry.getResource();
      List<Violation> errors = fhirValidation.validate(event);
      assertThat(errors).as(event.getIdPart() + " " + errors).isEmpty();
      event.getSubtype().stream()
          .filter(c -> c.getSystem().endsWith("/audit-action"))
          .forEach(c -> actions.add(c.getCode()));
    }
    assertThat(actions)
        .contains(
            "COLLECTED",
            "DECIDED",
            "DISCLOSED",
            "CONSULTED",
            "CONSENT_GRANTED",
            "CONSENT_WITHDRAWN",
            "AUDIT_SEARCHED");
    AuditEvent disclosed = event(bundle, "DISCLOSED", "ro-victim-support");
    assertThat(disclosed.getType().getCode()).isEqualTo("110106");
    assertThat(disclosed.getPurposeOfEvent()).isNotEmpty();
    assertThat(disclosed.getEntity())
        .anySatisfy(e -> assertThat(e.getWhat().getIdentifier().getValue()).isEqualTo(consentId));
    assertThat(disclosed.getEntity())
        .anySatisfy(e -> assertThat(e.getRole().getCode()).isEqualTo("1"));
    // the whole Bundle too
    assertThat(fhirValidation.validate(bundle)).isEmpty();
  }

  @Test
  void exportsSecurityEventsAsValidAuditEventsToo() {
    get("/api/v1/audit/entries", null);
    get("/api/v1/audit/entries", agencyToken("ro-police"));

    Response export =
        get(
            "/api/v1/audit/export.fhir?action=AUTH_FAILED,ACCESS_DENIED,CONFIGURATION_LOADED",
            auditor());

    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, export.text());
    assertThat(bundle.getEntry()).isNotEmpty();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      assertThat(fhirValidation.validate(entry.getResource())).isEmpty();
    }
  }

  private static AuditEvent event(Bundle bundle, String action, String recipient) {
    return bundle.getEntry().stream()
        .map(e -> (AuditEvent) e.getResource())
        .filter(e -> e.getSubtype().stream().anyMatch(c -> c.getCode().equals(action)))
        .filter(
            e ->
                e.getAgent().stream()
                    .anyMatch(
                        a ->
                            a.getWho().hasIdentifier()
                                && a.getWho().getIdentifier().getValue().equals(recipient)))
        .findFirst()
        .orElseThrow();
  }

  private String auditor() {
    return roleToken("AUDITOR");
  }
}
