package eu.focus.gateway.channel.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.fhir.ContractFhir;
import eu.focus.contract.fhir.ContractFhirValidation;
import eu.focus.demo.simulator.FhirServerSimulator;
import eu.focus.gateway.support.Examples;
import eu.focus.gateway.support.GatewayIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The FHIR channel, driven as an agency's FHIR system would drive it (HAPI's generic client with a
 * bearer token): the same decisions, views and consents as REST, and every refusal an
 * OperationOutcome with the REST problem's status and code, with nothing stored.
 */
class FhirChannelIT extends GatewayIT {

  private static final FhirContext R4 = FhirContext.forR4Cached();

  @Autowired private ContractFhir convert;
  @Autowired private ContractFhirValidation validation;

  private String base() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  private IGenericClient client(String token) {
    R4.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    // a shared 2-core build machine can be slow; a client that gives up early would leave a
    // submission landing in the next test's "nothing stored" window
    R4.getRestfulClientFactory().setSocketTimeout(120_000);
    IGenericClient client = R4.newRestfulGenericClient(base());
    if (token != null) {
      client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    }
    return client;
  }

  private IGenericClient as(String agency) {
    return client(agencyToken(agency));
  }

  private static String fhirJson(org.hl7.fhir.instance.model.api.IBaseResource resource) {
    return R4.newJsonParser().encodeResourceToString(resource);
  }

  /** Asserts an OperationOutcome answer with the status and the Focus problem code. */
  private static OperationOutcome assertOutcome(Response r, int status, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/fhir+json");
    assertThat(r.text())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("HAPI-");
    OperationOutcome oo = R4.newJsonParser().parseResource(OperationOutcome.class, r.text());
    assertThat(oo.getIssue()).isNotEmpty();
    assertThat(oo.getIssue())
        .allSatisfy(
            i -> {
              assertThat(i.getDetails().getCoding().get(0).getSystem())
                  .isEqualTo(FhirOutcomes.PROBLEM_SYSTEM);
              assertThat(i.getDetails().getCoding().get(0).getCode()).isEqualTo(code);
            });
    return oo;
  }

  private static String rule(OperationOutcome oo) {
    return oo.getIssueFirstRep().getDetails().getCoding().stream()
        .filter(c -> FhirOutcomes.RULE_SYSTEM.equals(c.getSystem()))
        .map(c -> c.getCode())
        .findFirst()
        .orElse(null);
  }

  private Response postFhir(String path, String token, String body) {
    return postRaw(path, token, "application/fhir+json", body);
  }

  private MethodOutcome submit(String agency, ObjectNode submission) {
    return as(agency).create().resource(convert.submissionToBundle(submission)).execute();
  }

  /** Decision parts as comparable maps: recipient, decision, rule and classes. */
  private static List<Map<String, Object>> decisions(Parameters result) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (var p : result.getParameter()) {
      if (!p.getName().equals("decision")) {
        continue;
      }
      List<String> classes = new ArrayList<>();
      String recipient = null;
      String decision = null;
      String rule = null;
      for (var part : p.getPart()) {
        switch (part.getName()) {
          case "recipient" -> recipient = part.getValue().primitiveValue();
          case "decision" -> decision = part.getValue().primitiveValue();
          case "rule" -> rule = part.getValue().primitiveValue();
          case "class" -> classes.add(part.getValue().primitiveValue());
          default -> {}
        }
      }
      out.add(
          Map.of("recipient", recipient, "decision", decision, "rule", rule, "classes", classes));
    }
    return out;
  }

  private static List<Map<String, Object>> decisions(JsonNode restResult) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode d : restResult.path("decisions")) {
      List<String> classes = new ArrayList<>();
      d.path("classes").forEach(c -> classes.add(c.asText()));
      out.add(
          Map.of(
              "recipient", d.path("recipient").asText(),
              "decision", d.path("decision").asText(),
              "rule", d.path("rule").asText(),
              "classes", classes));
    }
    return out;
  }

  // ---- CapabilityStatement ------------------------------------------------------------------

  @Test
  void metadataIsPublicAndNamesTheProfilesAndOperations() {
    CapabilityStatement cs =
        client(null).capabilities().ofType(CapabilityStatement.class).execute();

    CapabilityStatementRestResourceComponent bundle = resource(cs, "Bundle");
    CapabilityStatementRestResourceComponent consent = resource(cs, "Consent");
    assertThat(bundle.getSupportedProfile())
        .extracting(p -> p.getValue())
        .containsExactly(FhirChannelConfiguration.PROFILES.get("Bundle"));
    assertThat(consent.getSupportedProfile())
        .extracting(p -> p.getValue())
        .containsExactly(FhirChannelConfiguration.PROFILES.get("Consent"));
    assertThat(bundle.getInteraction())
        .extracting(i -> i.getCode().toCode())
        .contains("create", "read", "vread", "search-type")
        .doesNotContain("update", "delete");
    assertThat(bundle.getSearchParam())
        .extracting(p -> p.getName())
        .contains("identifier", "subject", "_lastUpdated");
    assertThat(consent.getOperation())
        .extracting(o -> o.getName())
        .contains("withdraw", "validate");
    assertThat(bundle.getOperation()).extracting(o -> o.getName()).contains("validate");
    assertThat(
            cs.getRestFirstRep().getSecurity().getServiceFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("OAuth");
  }

  private static CapabilityStatementRestResourceComponent resource(
      CapabilityStatement cs, String type) {
    return cs.getRestFirstRep().getResource().stream()
        .filter(r -> r.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  // ---- submit, read, search -----------------------------------------------------------------

  @Test
  void submitsABundleAndGetsTheDecisionsRestWouldGive() {
    ObjectNode submission = freshSubmission("01");
    String recordId = submission.at("/record/recordId").asText();

    MethodOutcome created = submit("ro-police", submission);

    assertThat(created.getCreated()).isTrue();
    assertThat(created.getId().toUnqualified().getValue())
        .isEqualTo("Bundle/" + recordId + "/_history/1");
    Parameters result = (Parameters) created.getResource();
    assertThat(result.getParameter("recordId").getValue().primitiveValue()).isEqualTo(recordId);
    assertThat(result.getParameter("exchangeId").getValue().primitiveValue()).isNotBlank();
    String channel =
        jdbc.sql("select channel from exchange where record_id = :r")
            .param("r", recordId)
            .query(String.class)
            .single();
    assertThat(channel).isEqualTo("FHIR");

    Response rest = post("/api/v1/exchanges", agencyToken("ro-police"), freshSubmission("01"));
    assertThat(rest.status()).as(rest.text()).isEqualTo(202);
    assertThat(decisions(result)).isNotEmpty().isEqualTo(decisions(rest.json()));
  }

  @Test
  void readsTheRecordBackAsTheRecipientSeesItMinimisedAndValid() {
    ObjectNode submission = freshSubmission("01");
    String recordId = submission.at("/record/recordId").asText();
    Parameters result = (Parameters) submit("ro-police", submission).getResource();
    String deliveryId =
        result.getParameter("decision").getPart().stream()
            .filter(p -> p.getName().equals("deliveryId"))
            .findFirst()
            .orElseThrow()
            .getValue()
            .primitiveValue();
    awaitDeliveryStatus(deliveryId, "DELIVERED");

    Bundle read =
        as("ro-child-protection").read().resource(Bundle.class).withId(recordId).execute();
    Bundle versioned =
        as("ro-child-protection")
            .read()
            .resource(Bundle.class)
            .withIdAndVersion(recordId, "1")
            .execute();

    JsonNode restView =
        get("/api/v1/records/" + recordId, agencyToken("ro-child-protection")).json();
    assertThat(convert.bundleToRecord(read)).isEqualTo(restView.path("record"));
    assertThat(convert.bundleToRecord(versioned)).isEqualTo(restView.path("record"));
    assertThat(read.getIdElement().getVersionIdPart()).isEqualTo("1");
    long consulted =
        jdbc.sql(
                "select count(*) from audit_entry where action = 'CONSULTED' and record_id = :r"
                    + " and channel = 'FHIR'")
            .param("r", recordId)
            .query(Long.class)
            .single();
    assertThat(consulted).isEqualTo(2);
    // the minimised view is still a valid FocusAssessmentBundle, and $validate says so too
    assertThat(validation.validate(read)).isEmpty();
    OperationOutcome validated =
        (OperationOutcome)
            as("ro-child-protection").validate().resource(read).execute().getOperationOutcome();
    assertThat(validated.getIssue())
        .allSatisfy(
            i -> assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION));
  }

  @Test
  void unknownOrInvisibleRecordIs404() {
    ObjectNode submission = freshSubmission("01");
    String recordId = submission.at("/record/recordId").asText();
    submit("ro-police", submission);

    Response unknown = get("/fhir/Bundle/" + UUID.randomUUID(), agencyToken("ro-police"));
    Response notVisible = get("/fhir/Bundle/" + recordId, agencyToken("hu-prosecutor"));

    assertOutcome(unknown, 404, "not-found");
    assertOutcome(notVisible, 404, "not-found");
  }

  @Test
  void searchFindsOnlyWhatTheCallerMaySee() {
    ObjectNode submission = freshSubmission("01");
    String recordId = submission.at("/record/recordId").asText();
    Parameters result = (Parameters) submit("ro-police", submission).getResource();
    String subject = result.getParameter("subjectPseudonym").getValue().primitiveValue();

    Bundle byIdentifier =
        as("ro-police")
            .search()
            .forResource(Bundle.class)
            .where(Bundle.IDENTIFIER.exactly().code(recordId))
            .returnBundle(Bundle.class)
            .execute();
    Bundle bySubject =
        as("ro-police")
            .search()
            .byUrl("Bundle?subject=" + subject + "&_lastUpdated=ge2020-01-01")
            .returnBundle(Bundle.class)
            .execute();
    Bundle future =
        as("ro-police")
            .search()
            .byUrl("Bundle?identifier=" + recordId + "&_lastUpdated=gt2100-01-01")
            .returnBundle(Bundle.class)
            .execute();
    Bundle otherAgency =
        as("hu-prosecutor")
            .search()
            .byUrl("Bundle?identifier=" + recordId)
            .returnBundle(Bundle.class)
            .execute();

    assertThat(byIdentifier.getEntry()).hasSize(1);
    Bundle found = (Bundle) byIdentifier.getEntryFirstRep().getResource();
    assertThat(convert.bundleToRecord(found).path("recordId").asText()).isEqualTo(recordId);
    assertThat(found.getMeta().getLastUpdated()).isBefore(new Date(System.currentTimeMillis() + 1));
    // other tests of this shared context submit the same child too: every hit is about this
    // child, and this record is among them
    assertThat(bySubject.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .contains(recordId);
    assertThat(bySubject.getEntry())
        .allSatisfy(
            e ->
                assertThat(
                        convert
                            .bundleToRecord((Bundle) e.getResource())
                            .at("/child/subjectPseudonym")
                            .asText())
                    .isEqualTo(subject));
    assertThat(future.getEntry()).isEmpty();
    assertThat(otherAgency.getEntry()).isEmpty();
  }

  // ---- consent ------------------------------------------------------------------------------

  @Test
  void registersReadsAndWithdrawsAConsent() {
    ObjectNode submission = freshSubmission("03");
    submission.remove("consentRef");
    submission.putArray("recipients").add("ro-child-protection");
    submission.put("purposeOfUse", "CHILD_PROTECTION");
    String recordId = submission.at("/record/recordId").asText();
    submit("ro-police", submission);
    ObjectNode consent = Examples.consent("03");
    consent.put("recordId", recordId);
    String consentId = UUID.randomUUID().toString();
    consent.put("consentId", consentId);
    long before = count("consent");

    MethodOutcome created =
        as("ro-police").create().resource(convert.consentToFhir(consent)).execute();
    Consent read = as("ro-police").read().resource(Consent.class).withId(consentId).execute();
    Parameters withdrawn =
        as("ro-police")
            .operation()
            .onInstance("Consent/" + consentId)
            .named("$withdraw")
            .withNoParameters(Parameters.class)
            .execute();

    assertThat(created.getCreated()).isTrue();
    assertThat(created.getId().getIdPart()).isEqualTo(consentId);
    assertThat(count("consent")).isEqualTo(before + 1);
    assertThat(validation.validate(read)).isEmpty();
    assertThat(convert.fhirToConsent(read).path("recordId").asText()).isEqualTo(recordId);
    assertThat(withdrawn.getParameter("consentId").getValue().primitiveValue())
        .isEqualTo(consentId);
    assertThat(
            get("/api/v1/consents/" + consentId, agencyToken("ro-police"))
                .json()
                .path("status")
                .asText())
        .isEqualTo("WITHDRAWN");
    Response again =
        postFhir(
            "/fhir/Consent/" + consentId + "/$withdraw",
            agencyToken("ro-police"),
            "{\"resourceType\":\"Parameters\"}");
    assertOutcome(again, 409, "conflict");
  }

  // ---- refusals: OperationOutcome, nothing stored -------------------------------------------

  @Test
  void bundleFailingTheProfileIs422ListingEveryIssue() {
    Map<String, Long> before = counts();
    Bundle bundle = convert.submissionToBundle(freshSubmission("01"));
    bundle.setType(Bundle.BundleType.SEARCHSET);
    String json = fhirJson(bundle).replaceFirst("\\{", "{\"notAnElement\":true,");

    Response r = postFhir("/fhir/Bundle", agencyToken("ro-police"), json);

    OperationOutcome oo = assertOutcome(r, 422, "contract-violation");
    assertThat(oo.getIssue()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(oo.getIssue())
        .anySatisfy(i -> assertThat(i.getDiagnostics()).contains("notAnElement"));
    assertThat(oo.getIssue()).allSatisfy(i -> assertThat(i.getExpression()).isNotEmpty());
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void validateAnswersEveryIssueWithoutStoring() {
    Map<String, Long> before = counts();
    Bundle bundle = convert.submissionToBundle(freshSubmission("01"));
    bundle.setType(Bundle.BundleType.SEARCHSET);

    Response invalid =
        postFhir("/fhir/Bundle/$validate", agencyToken("ro-police"), fhirJson(bundle));
    Response valid =
        postFhir(
            "/fhir/Bundle/$validate",
            roleToken("AUDITOR"),
            fhirJson(convert.submissionToBundle(freshSubmission("01"))));

    assertThat(invalid.status()).isEqualTo(200);
    OperationOutcome errors =
        R4.newJsonParser().parseResource(OperationOutcome.class, invalid.text());
    assertThat(errors.getIssue())
        .isNotEmpty()
        .allSatisfy(
            i -> assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR));
    assertThat(valid.status()).as(valid.text()).isEqualTo(200);
    OperationOutcome none = R4.newJsonParser().parseResource(OperationOutcome.class, valid.text());
    assertThat(none.getIssue())
        .allSatisfy(
            i -> assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void malformedJsonIs400() {
    Map<String, Long> before = counts();

    Response r =
        postFhir("/fhir/Bundle", agencyToken("ro-police"), "{\"resourceType\":\"Bundle\",");

    assertOutcome(r, 400, "malformed");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void wrongResourceTypeIs400() {
    Map<String, Long> before = counts();
    Patient patient = new Patient();
    patient.addName().setFamily("Popescu");

    Response r = postFhir("/fhir/Bundle", agencyToken("ro-police"), fhirJson(patient));
    Response unknownType = postFhir("/fhir/Patient", agencyToken("ro-police"), fhirJson(patient));

    assertOutcome(r, 400, "wrong-resource-type");
    assertOutcome(unknownType, 404, "not-found");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void wrongMediaTypeIs415() {
    Map<String, Long> before = counts();
    String bundle = fhirJson(convert.submissionToBundle(freshSubmission("01")));

    Response text = postRaw("/fhir/Bundle", agencyToken("ro-police"), "text/plain", bundle);
    Response xml =
        postRaw("/fhir/Bundle", agencyToken("ro-police"), "application/fhir+xml", "<Bundle/>");

    assertOutcome(text, 415, "unsupported-media-type");
    assertOutcome(xml, 415, "unsupported-media-type");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void oversizedBodyIs413() {
    Map<String, Long> before = counts();

    Response r =
        postFhir(
            "/fhir/Bundle",
            agencyToken("ro-police"),
            "{\"resourceType\":\"Bundle\",\"id\":\"" + "x".repeat(70 * 1024) + "\"}");

    assertOutcome(r, 413, "too-large");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void missingTokenIs401AndWrongRoleIs403() {
    Map<String, Long> before = counts();
    String bundle = fhirJson(convert.submissionToBundle(freshSubmission("01")));

    Response none = postFhir("/fhir/Bundle", null, bundle);
    Response forged = postFhir("/fhir/Bundle", "eyJhbGciOiJIUzI1NiJ9.e30.x", bundle);
    Response auditor = postFhir("/fhir/Bundle", roleToken("AUDITOR"), bundle);
    Response readWithoutToken = get("/fhir/Bundle/" + UUID.randomUUID(), null);

    assertOutcome(none, 401, "unauthenticated");
    assertOutcome(forged, 401, "unauthenticated");
    assertOutcome(readWithoutToken, 401, "unauthenticated");
    assertThat(rule(assertOutcome(auditor, 403, "forbidden"))).isEqualTo("AUTH-ROLE-REQUIRED");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void submittingInAnotherAgencysNameIs403WithTheRule() {
    Map<String, Long> before = counts();

    assertThatThrownBy(() -> submit("nl-police", freshSubmission("01")))
        .isInstanceOfSatisfying(
            BaseServerResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(403);
              assertThat(rule((OperationOutcome) e.getOperationOutcome()))
                  .isEqualTo("AUTH-SOURCE-AGENCY");
            });
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aResubmittedMessageIs409() {
    ObjectNode submission = freshSubmission("01");
    submit("ro-police", submission);
    Map<String, Long> before = counts();

    Response again =
        postFhir(
            "/fhir/Bundle",
            agencyToken("ro-police"),
            fhirJson(convert.submissionToBundle(submission)));

    assertOutcome(again, 409, "duplicate-message");
    assertThat(counts()).isEqualTo(before);
  }

  // ---- outbound: contract v1 as FHIR --------------------------------------------------------

  @Test
  void aFhirRecipientReceivesAValidBundleThatConvertsBackToTheDeliveryMessage() {
    ObjectNode submission = freshSubmission("01");
    submission.putArray("recipients").add("hu-child-protection");
    String recordId = submission.at("/record/recordId").asText();
    Response r = post("/api/v1/exchanges", agencyToken("ro-police"), submission);
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    JsonNode decision = r.json().at("/decisions/0");
    assertThat(decision.path("decision").asText()).as(r.text()).isEqualTo("PERMIT");
    String deliveryId = decision.path("deliveryId").asText();

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> deliveryRow(deliveryId), row -> "DELIVERED".equals(row.get("status")));
    String key =
        jdbc.sql("select idempotency_key from delivery where delivery_id = :d")
            .param("d", deliveryId)
            .query(String.class)
            .single();
    FhirServerSimulator.Received received =
        CONTRACT_FHIR.received().stream()
            .filter(x -> key.equals(x.idempotencyKey()))
            .findFirst()
            .orElseThrow();

    assertThat(received.interaction()).isEqualTo("create");
    Bundle bundle = R4.newJsonParser().parseResource(Bundle.class, received.resourceJson());
    JsonNode message = convert.bundleToDelivery(bundle);
    assertThat(message.path("deliveryId").asText()).isEqualTo(deliveryId);
    assertThat(message.path("destinationAgency").asText()).isEqualTo("hu-child-protection");
    assertThat(received.idempotencyKey()).isEqualTo(message.path("idempotencyKey").asText());
    JsonNode view = get("/api/v1/records/" + recordId, agencyToken("hu-child-protection")).json();
    assertThat(message.path("record")).isEqualTo(view.path("record"));
    assertThat(validation.validate(bundle)).isEmpty();
  }
}
