package eu.focus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The examples are the demo data and the fixtures of other modules: they must cover the cases. */
class ExampleCoverageTest {

  private static final List<JsonNode> SUBMISSIONS = ContractFiles.submissions();
  private static final List<JsonNode> CONSENTS = ContractFiles.consents();

  @Test
  void thereAreAtLeastTenSubmissionsAndTwoConsents() {
    assertThat(SUBMISSIONS).hasSizeGreaterThanOrEqualTo(10);
    assertThat(CONSENTS).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void sendersComeFromAtLeastFivePartnerCountries() {
    Set<String> countries =
        SUBMISSIONS.stream().map(s -> s.path("sourceCountry").asText()).collect(Collectors.toSet());
    assertThat(countries).hasSizeGreaterThanOrEqualTo(5);
    assertThat(Set.of("RO", "GR", "HU", "NL", "RS", "BE", "BG")).containsAll(countries);
  }

  @Test
  void victimsSuspectsAndWitnessesAreAllRepresented() {
    Set<String> roles =
        SUBMISSIONS.stream()
            .flatMap(s -> stream(s.at("/record/case/childRoles")))
            .map(r -> r.path("role").asText())
            .collect(Collectors.toSet());
    assertThat(roles).contains("VICTIM", "SUSPECT", "WITNESS");
  }

  @Test
  void freeTextIsWrittenInTheNationalLanguagesWithTheirTags() {
    Set<String> tags = new HashSet<>();
    SUBMISSIONS.forEach(s -> collectLangs(s, tags));
    assertThat(tags).contains("ro", "el", "hu", "nl", "sr-Latn", "bg", "fr");
  }

  @Test
  void aParentWhoIsTheSuspectIsFlaggedWithAConflictOfInterest() {
    assertThat(
            SUBMISSIONS.stream()
                .flatMap(s -> stream(s.at("/record/guardians")))
                .filter(g -> g.at("/conflictOfInterest/flag").asBoolean())
                .filter(g -> Set.of("MTH", "FTH").contains(g.path("role").asText()))
                .filter(g -> g.at("/conflictOfInterest/reason/value").isTextual()))
        .isNotEmpty();
  }

  @Test
  void aSecondVersionSupersedesAnotherExample() {
    JsonNode second =
        SUBMISSIONS.stream()
            .filter(s -> s.at("/record/version").asInt() == 2)
            .findFirst()
            .orElseThrow();
    String recordId = second.at("/record/recordId").asText();
    assertThat(second.at("/record/previousVersion").asInt()).isEqualTo(1);
    assertThat(second.at("/record/versioning/supersedes/recordId").asText()).isEqualTo(recordId);
    assertThat(second.at("/record/versioning/supersedes/version").asInt()).isEqualTo(1);
    assertThat(second.at("/record/versioning/changeReason").isTextual()).isTrue();
    assertThat(SUBMISSIONS)
        .anySatisfy(
            first -> {
              assertThat(first.at("/record/recordId").asText()).isEqualTo(recordId);
              assertThat(first.at("/record/version").asInt()).isEqualTo(1);
            });
  }

  @Test
  void anExchangeToSerbiaCarriesATransferBasis() {
    assertThat(
            SUBMISSIONS.stream()
                .filter(
                    s -> stream(s.path("recipients")).anyMatch(r -> r.asText().startsWith("rs-")))
                .filter(s -> s.at("/legalBasis/transferBasis").isTextual()))
        .isNotEmpty();
  }

  @Test
  void aVictimSupportReferralNamesAConsentForTheSameRecord() {
    assertThat(
            SUBMISSIONS.stream()
                .filter(s -> "VICTIM_SUPPORT".equals(s.path("purposeOfUse").asText()))
                .filter(s -> hasRole(s, "VICTIM"))
                .filter(
                    s ->
                        CONSENTS.stream()
                            .anyMatch(
                                c ->
                                    c.path("consentId").equals(s.path("consentRef"))
                                        && c.path("recordId").equals(s.at("/record/recordId")))))
        .isNotEmpty();
  }

  @Test
  void everyConsentRefNamesAConsentExampleForThatRecord() {
    SUBMISSIONS.stream()
        .filter(s -> s.has("consentRef"))
        .forEach(
            s ->
                assertThat(CONSENTS)
                    .as("consent %s", s.path("consentRef").asText())
                    .anySatisfy(
                        c -> {
                          assertThat(c.path("consentId")).isEqualTo(s.path("consentRef"));
                          assertThat(c.path("recordId")).isEqualTo(s.at("/record/recordId"));
                        }));
  }

  @Test
  void exampleOneIsAPoliceReferralOfAChildVictimOfSexualAbuseToChildProtection() {
    JsonNode s = ContractFiles.submission("01");
    assertThat(s.path("sourceAgency").asText()).isEqualTo("ro-police");
    assertThat(stream(s.path("recipients")).map(JsonNode::asText))
        .containsExactly("ro-child-protection");
    assertThat(s.path("purposeOfUse").asText()).isEqualTo("CHILD_PROTECTION");
    assertThat(s.at("/legalBasis/basis").asText()).isEqualTo("LED_ART_8");
    assertThat(hasRole(s, "VICTIM")).isTrue();
    assertThat(stream(s.at("/record/case/offences")).map(o -> o.path("iccs").asText()))
        .allMatch(code -> code.startsWith("03"));
    assertThat(stream(s.at("/record/assessment/findings")).map(f -> f.path("sensitivity").asText()))
        .contains("S2", "S4", "S5", "S6");
    assertThat(s.at("/record/assessment/childViews/viewsSummary/lang").asText()).isEqualTo("ro");
    assertThat(s.at("/record/assessment/childViews/viewsText/lang").asText()).isEqualTo("ro");
    assertThat(s.at("/record/child/interpreterNeeded").asBoolean(true)).isFalse();
    assertThat(s.at("/record/child/communicationOrDisabilityNeeds/needed").asBoolean()).isTrue();
    assertThat(stream(s.at("/record/guardians")))
        .hasSize(2)
        .allMatch(g -> !g.at("/conflictOfInterest/flag").asBoolean());
  }

  @Test
  void exampleTwoSendsASuspectsAssessmentToVictimSupport() {
    JsonNode s = ContractFiles.submission("02");
    assertThat(s.path("sourceAgency").asText()).isEqualTo("ro-police");
    assertThat(stream(s.path("recipients")).map(JsonNode::asText))
        .containsExactly("ro-victim-support");
    assertThat(s.path("purposeOfUse").asText()).isEqualTo("VICTIM_SUPPORT");
    assertThat(s.path("consentRef").isTextual()).isTrue();
    assertThat(hasRole(s, "SUSPECT")).isTrue();
  }

  @Test
  void authoringAgencyIsTheSenderInEveryExample() {
    assertThat(SUBMISSIONS)
        .allSatisfy(
            s ->
                assertThat(s.at("/record/provenance/authoringAgency"))
                    .isEqualTo(s.path("sourceAgency")));
  }

  @Test
  void senderCountryMatchesTheSendingAgency() {
    assertThat(SUBMISSIONS)
        .allSatisfy(
            s ->
                assertThat(s.path("sourceAgency").asText())
                    .startsWith(s.path("sourceCountry").asText().toLowerCase() + "-"));
  }

  @Test
  void messageIdsAreUniqueAndRecordIdsRepeatOnlyAcrossVersions() {
    assertThat(SUBMISSIONS.stream().map(s -> s.path("messageId").asText())).doesNotHaveDuplicates();
    assertThat(
            SUBMISSIONS.stream()
                .map(
                    s -> s.at("/record/recordId").asText() + "/" + s.at("/record/version").asInt()))
        .doesNotHaveDuplicates();
  }

  private static boolean hasRole(JsonNode submission, String role) {
    return stream(submission.at("/record/case/childRoles"))
        .anyMatch(r -> role.equals(r.path("role").asText()));
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static void collectLangs(JsonNode node, Set<String> tags) {
    if (node.isObject()) {
      if (node.path("value").isTextual() && node.path("lang").isTextual()) {
        tags.add(node.path("lang").asText());
      }
      node.elements().forEachRemaining(child -> collectLangs(child, tags));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectLangs(child, tags));
    }
  }
}
