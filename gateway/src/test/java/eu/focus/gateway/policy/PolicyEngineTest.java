package eu.focus.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.CodeLists;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.consent.Consent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final String RECORD_ID = "7c1e2d3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";

  static final Agency RO_POLICE = new Agency("ro-police", "RO", "POLICE", "p", null);
  static final Agency RO_CP = new Agency("ro-child-protection", "RO", "CHILD_PROTECTION", "c", "x");
  static final Agency RO_VS = new Agency("ro-victim-support", "RO", "VICTIM_SUPPORT", "v", "x");
  static final Agency RO_PROSECUTOR = new Agency("ro-prosecutor", "RO", "PROSECUTION", "p", "x");
  static final Agency RO_PROBATION =
      new Agency("ro-probation", "RO", "PROBATION_YOUTH_JUSTICE", "p", "x");
  static final Agency NL_POLICE = new Agency("nl-police", "NL", "POLICE", "p", "x");
  static final Agency RS_CSW = new Agency("rs-csw-belgrade", "RS", "CHILD_PROTECTION", "c", "x");
  static final Agency RO_POLICE_AS_RECIPIENT = new Agency("ro-police", "RO", "POLICE", "p", "x");
  static final Agency RO_HEALTH = new Agency("ro-health", "RO", "HEALTH", "h", "x");

  static PolicyEngine engine;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        PolicyEngineTest.class.getResourceAsStream("/policy/default-policy.yaml")) {
      engine = new PolicyEngine(PolicyDocument.parse(in), CodeLists.load());
    }
  }

  static ObjectNode record(String role, String proceeding) {
    ObjectNode r = JSON.createObjectNode().put("recordId", RECORD_ID);
    ObjectNode c = r.putObject("case").put("proceedingType", proceeding);
    c.putArray("childRoles").addObject().put("role", role);
    ObjectNode g1 = r.putArray("guardians").addObject().put("guardianId", "g-mother");
    g1.putObject("conflictOfInterest").put("flag", false);
    ObjectNode g2 =
        ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("guardians")).addObject();
    g2.put("guardianId", "g-father").putObject("conflictOfInterest").put("flag", true);
    return r;
  }

  static Consent consent(String grantorType, String guardianId, String status) {
    ObjectNode c = JSON.createObjectNode();
    ObjectNode grantor = c.putObject("grantor").put("type", grantorType);
    if (guardianId != null) {
      grantor.put("guardianId", guardianId);
    }
    c.putArray("recipients").addObject().put("agencyType", "VICTIM_SUPPORT");
    c.putArray("dataScope").add("S4").add("S6");
    c.putArray("purposes").add("VICTIM_SUPPORT");
    c.putArray("actions").add("disclose").add("access");
    return new Consent(
        "c-1",
        RECORD_ID,
        "psn-x",
        status,
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2027-01-01T00:00:00Z"),
        null,
        "ro-police",
        c);
  }

  static Decision decide(
      Agency to, JsonNode record, String purpose, String transferBasis, Optional<Consent> consent) {
    return engine.decide(
        new PolicyEngine.Request(
            RO_POLICE,
            to,
            record,
            purpose,
            "LED_ART_8",
            transferBasis,
            consent.map(Consent::consentId).orElse(null),
            consent,
            NOW));
  }

  @Test
  void neverSendsASuspectsAssessmentToVictimSupport() {
    Decision d =
        decide(
            RO_VS,
            record("SUSPECT", "CRIMINAL"),
            "VICTIM_SUPPORT",
            null,
            Optional.of(consent("CHILD", null, "ACTIVE")));

    assertThat(d.permitted()).isFalse();
    assertThat(d.rule()).isEqualTo("HR-SUSPECT-NOT-TO-VICTIM-SIDE");
  }

  @Test
  void sendsAVictimsAssessmentToVictimSupportWithConsentAndOnlyTheConsentedClasses() {
    Decision d =
        decide(
            RO_VS,
            record("VICTIM", "CRIMINAL"),
            "VICTIM_SUPPORT",
            null,
            Optional.of(consent("CHILD", null, "ACTIVE")));

    assertThat(d.permitted()).isTrue();
    assertThat(d.rule()).isEqualTo("POL-MATRIX+CONSENT");
    assertThat(d.classes())
        .containsEntry("S4", Access.FULL)
        .containsEntry("S6", Access.FULL)
        .containsEntry("S5", Access.NONE) // CONSENT cell, but S5 is not in the consent's scope
        .containsEntry("S3", Access.SUMMARY)
        .containsEntry("S7", Access.NONE);
  }

  @Test
  void refusesConsentGivenByAConflictedGuardian() {
    Decision d =
        decide(
            RO_VS,
            record("VICTIM", "CRIMINAL"),
            "VICTIM_SUPPORT",
            null,
            Optional.of(consent("GUARDIAN", "g-father", "ACTIVE")));

    assertThat(d.permitted()).isFalse();
    assertThat(d.rule()).isEqualTo("HR-CONFLICTED-GUARDIAN");
  }

  @Test
  void acceptsConsentGivenByAGuardianWithoutConflict() {
    Decision d =
        decide(
            RO_VS,
            record("VICTIM", "CRIMINAL"),
            "VICTIM_SUPPORT",
            null,
            Optional.of(consent("GUARDIAN", "g-mother", "ACTIVE")));

    assertThat(d.permitted()).isTrue();
  }

  @Test
  void refusesConsentFromSomeoneWhoIsNotAGuardianOfThisChild() {
    Decision d =
        decide(
            RO_VS,
            record("VICTIM", "CRIMINAL"),
            "VICTIM_SUPPORT",
            null,
            Optional.of(consent("GUARDIAN", "g-stranger", "ACTIVE")));

    assertThat(d.rule()).isEqualTo("HR-CONFLICTED-GUARDIAN");
  }

  @Test
  void needsConsentForVictimSupportAndSaysSo() {
    Decision d =
        decide(RO_VS, record("VICTIM", "CRIMINAL"), "VICTIM_SUPPORT", null, Optional.empty());

    assertThat(d.permitted()).isFalse();
    assertThat(d.rule()).isEqualTo("CONSENT-REQUIRED");
  }

  @Test
  void refusesAWithdrawnConsent() {
    Decision d =
        decide(
            RO_VS,
            record("VICTIM", "CRIMINAL"),
            "VICTIM_SUPPORT",
            null,
            Optional.of(consent("CHILD", null, "WITHDRAWN")));

    assertThat(d.rule()).isEqualTo("CONSENT-WITHDRAWN");
  }

  @Test
  void refusesAConsentForAnotherPurpose() {
    Decision d =
        decide(
            RO_VS,
            record("VICTIM", "CRIMINAL"),
            "RESTORATIVE_JUSTICE",
            null,
            Optional.of(consent("CHILD", null, "ACTIVE")));

    assertThat(d.rule()).isEqualTo("CONSENT-PURPOSE");
  }

  @Test
  void refusesAConsentThatDoesNotNameTheRecipient() {
    ObjectNode r = record("VICTIM", "CRIMINAL");
    Consent c = consent("CHILD", null, "ACTIVE");
    ((ObjectNode) c.content().get("recipients").get(0)).put("agencyType", "RJ_SERVICE");

    Decision d = decide(RO_VS, r, "VICTIM_SUPPORT", null, Optional.of(c));

    assertThat(d.rule()).isEqualTo("CONSENT-RECIPIENT");
  }

  @Test
  void refusesTransferOutsideTheEuWithoutTransferBasis() {
    Decision d =
        decide(RS_CSW, record("VICTIM", "CRIMINAL"), "CHILD_PROTECTION", null, Optional.empty());

    assertThat(d.permitted()).isFalse();
    assertThat(d.rule()).isEqualTo("HR-TRANSFER-BASIS");
  }

  @Test
  void permitsTransferOutsideTheEuWithARecordedTransferBasis() {
    Decision d =
        decide(
            RS_CSW,
            record("VICTIM", "CRIMINAL"),
            "CHILD_PROTECTION",
            "LED_37_APPROPRIATE_SAFEGUARDS",
            Optional.empty());

    assertThat(d.permitted()).isTrue();
  }

  @Test
  void flagsAVictimAssessmentInACriminalFileForDefenceDisclosure() {
    Decision victim =
        decide(
            RO_PROSECUTOR,
            record("VICTIM", "CRIMINAL"),
            "PROSECUTION_DECISION",
            null,
            Optional.empty());
    Decision suspect =
        decide(
            RO_PROSECUTOR,
            record("SUSPECT", "CRIMINAL"),
            "PROSECUTION_DECISION",
            null,
            Optional.empty());

    assertThat(victim.handlingFlags()).containsExactly("DEFENCE_DISCLOSURE");
    assertThat(suspect.handlingFlags()).isEmpty();
  }

  @Test
  void givesProsecutorsFullFamilyBackgroundForSuspectsButOnlyASummaryForVictims() {
    assertThat(
            decide(
                    RO_PROSECUTOR,
                    record("SUSPECT", "CRIMINAL"),
                    "PROSECUTION_DECISION",
                    null,
                    Optional.empty())
                .classes())
        .containsEntry("S4", Access.FULL);
    assertThat(
            decide(
                    RO_PROSECUTOR,
                    record("VICTIM", "CRIMINAL"),
                    "PROSECUTION_DECISION",
                    null,
                    Optional.empty())
                .classes())
        .containsEntry("S4", Access.SUMMARY);
  }

  @Test
  void givesPoliceNoViewsAndOnlyASummaryOfHealth() {
    Decision d =
        decide(
            RO_POLICE_AS_RECIPIENT,
            record("VICTIM", "CRIMINAL"),
            "INVESTIGATION",
            null,
            Optional.empty());

    assertThat(d.classes())
        .containsEntry("S5", Access.SUMMARY)
        .containsEntry("S6", Access.NONE)
        .containsEntry("S7", Access.NONE);
  }

  @Test
  void appliesACountrysTightening() {
    // default-policy.yaml: NL police get no S5 at all
    Decision d =
        decide(NL_POLICE, record("VICTIM", "CRIMINAL"), "INVESTIGATION", null, Optional.empty());

    assertThat(d.classes()).containsEntry("S5", Access.NONE);
  }

  @Test
  void sendsProbationOnlySuspects() {
    Decision d =
        decide(RO_PROBATION, record("VICTIM", "CRIMINAL"), "EXECUTION", null, Optional.empty());

    assertThat(d.permitted()).isFalse();
    assertThat(d.rule()).isEqualTo("POL-SUBJECT-SCOPE");
  }

  @Test
  void deniesAgencyTypesThePolicyDoesNotList() {
    Decision d =
        decide(RO_HEALTH, record("VICTIM", "CRIMINAL"), "INVESTIGATION", null, Optional.empty());

    assertThat(d.rule()).isEqualTo("POL-NO-MATRIX-ROW");
  }

  @Test
  void refusesAPolicyFileInWhichACountryLoosensTheDefault() {
    String yaml =
        """
        recipients:
          POLICE:
            agencyTypes: [POLICE]
            classes: { S1: FULL, S2: FULL, S3: FULL, S4: SUMMARY, S5: SUMMARY, S6: NONE, S7: NONE }
        countries:
          XX:
            POLICE: { S5: FULL }
        """;

    assertThatThrownBy(
            () ->
                PolicyDocument.parse(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("may only tighten");
  }

  // ---- break the glass ------------------------------------------------------------------------

  @Test
  void letsPoliceBreakTheGlassOnlyToTheEmergencyClasses() {
    Decision d = engine.breakGlass(RO_POLICE, NL_POLICE, record("VICTIM", "CRIMINAL"));

    assertThat(d.permitted()).isTrue();
    assertThat(d.rule()).isEqualTo("BTG-EMERGENCY");
    assertThat(d.disclosedClasses()).isEqualTo("S1,S2,S3(summary)");
    assertThat(engine.breakGlassReasons()).contains("IMMINENT_RISK_TO_LIFE");
  }

  @Test
  void refusesBreakingTheGlassNamingTheRule() {
    assertThat(engine.breakGlass(RO_POLICE, RO_PROSECUTOR, record("VICTIM", "CRIMINAL")).rule())
        .isEqualTo("BTG-NOT-ALLOWED");
    assertThat(engine.breakGlass(RO_POLICE, RS_CSW, record("VICTIM", "CRIMINAL")).rule())
        .isEqualTo("HR-TRANSFER-BASIS");
    assertThat(engine.breakGlass(RO_POLICE, RO_VS, record("SUSPECT", "CRIMINAL")).rule())
        .isEqualTo("HR-SUSPECT-NOT-TO-VICTIM-SIDE");
    assertThat(engine.breakGlass(RO_POLICE, RO_HEALTH, record("VICTIM", "CRIMINAL")).rule())
        .isEqualTo("POL-NO-MATRIX-ROW");
  }

  @Test
  void refusesAPolicyWhoseBreakGlassLevelIsNotDefinite() {
    String yaml =
        """
        recipients:
          POLICE:
            agencyTypes: [POLICE]
            classes: { S1: FULL, S2: FULL, S3: FULL, S4: FULL, S5: FULL, S6: FULL, S7: FULL }
        breakGlass:
          reasons: [IMMINENT_RISK_TO_LIFE]
          recipients:
            POLICE: { S1: CONSENT }
        """;

    assertThatThrownBy(
            () ->
                PolicyDocument.parse(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("breakGlass.POLICE.S1");
  }
}
