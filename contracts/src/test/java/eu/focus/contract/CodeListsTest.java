package eu.focus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeListsTest {

  private static final CodeLists LISTS = CodeLists.load();

  static Set<String> listIds() {
    return LISTS.listIds();
  }

  @Test
  void indexNamesEveryListFileAndNoOther() throws IOException {
    Set<String> onDisk = new HashSet<>();
    try (Stream<Path> files = Files.list(ContractFiles.V1_SOURCE.resolve("codelists"))) {
      files
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.equals("index.json"))
          .forEach(name -> onDisk.add(name.substring(0, name.length() - ".json".length())));
    }
    assertThat(LISTS.listIds()).containsExactlyInAnyOrderElementsOf(onDisk);
  }

  @ParameterizedTest
  @MethodSource("listIds")
  void everyListHasASourceAndUniqueCodesWithDisplays(String listId) {
    JsonNode doc = LISTS.document(listId);
    assertThat(doc.path("title").asText()).isNotBlank();
    assertThat(doc.path("source").asText()).isNotBlank();
    assertThat(LISTS.codes(listId)).isNotEmpty().doesNotHaveDuplicates();
    doc.path("codes").forEach(c -> assertThat(c.path("display").asText()).isNotBlank());
    doc.path("aliases")
        .fields()
        .forEachRemaining(a -> assertThat(LISTS.codes(listId)).contains(a.getValue().asText()));
  }

  @Test
  void acceptsElAsAnAliasOfGreeceAndCanonicalisesIt() {
    assertThat(LISTS.contains("country", "EL")).isTrue();
    assertThat(LISTS.canonical("country", "EL")).isEqualTo("GR");
    assertThat(LISTS.entry("country", "EL"))
        .hasValueSatisfying(e -> assertThat(e.path("code").asText()).isEqualTo("GR"));
    assertThat(LISTS.canonical("country", "GR")).isEqualTo("GR");
  }

  @Test
  void marksSerbiaAsOutsideTheEu() {
    assertThat(LISTS.entry("country", "RS").orElseThrow().path("eu").asBoolean(true)).isFalse();
    for (String eu : List.of("RO", "GR", "HU", "NL", "BE", "BG")) {
      assertThat(LISTS.entry("country", eu).orElseThrow().path("eu").asBoolean()).isTrue();
    }
  }

  @Test
  void comparesLanguageTagsWithoutRegardToCase() {
    assertThat(LISTS.contains("language", "SR-LATN")).isTrue();
    assertThat(LISTS.canonical("language", "sr-latn")).isEqualTo("sr-Latn");
    assertThat(LISTS.canonical("language", "gr")).isEqualTo("el");
    assertThat(LISTS.contains("language", "rom")).isTrue();
    assertThat(LISTS.contains("language", "xx")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "11", "0301", "03012", "030121"})
  void acceptsIccsCodesWhoseSectionIsListed(String code) {
    assertThat(LISTS.contains("iccs", code)).isTrue();
    assertThat(LISTS.canonical("iccs", code)).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "12", "99", "1201", "3", "030", "0301234", "03a1", ""})
  void rejectsIccsCodesOutsideTheListedSections(String code) {
    assertThat(LISTS.contains("iccs", code)).isFalse();
  }

  @Test
  void theEntryOfAFinerIccsLevelIsItsSection() {
    assertThat(LISTS.entry("iccs", "03012").orElseThrow().path("code").asText()).isEqualTo("03");
  }

  @Test
  void onlyVictimSupportRestorativeJusticeAndResearchRequireConsent() {
    Set<String> requiring = new HashSet<>();
    LISTS
        .document("purpose-of-use")
        .path("codes")
        .forEach(
            c -> {
              assertThat(c.has("requiresConsent")).as(c.path("code").asText()).isTrue();
              if (c.path("requiresConsent").asBoolean()) {
                requiring.add(c.path("code").asText());
              }
            });
    assertThat(requiring)
        .containsExactlyInAnyOrder("VICTIM_SUPPORT", "RESTORATIVE_JUSTICE", "HRESCH");
  }

  @Test
  void everyLocalPurposeMapsToAListedActReasonCode() {
    LISTS
        .document("purpose-of-use")
        .path("codes")
        .forEach(
            c -> {
              if (c.has("v3")) {
                JsonNode target =
                    LISTS.entry("purpose-of-use", c.path("v3").asText()).orElseThrow();
                assertThat(target.has("v3")).as("ActReason codes map to themselves").isFalse();
              } else {
                assertThat(c.path("system").asText()).contains("v3-ActReason");
              }
            });
    assertThat(LISTS.codes("purpose-of-use"))
        .contains(
            "INVESTIGATION", "CHILD_PROTECTION", "VICTIM_SUPPORT", "SUPERVISORY_AUDIT", "BTG");
  }

  @Test
  void measuresCoverTheArticlesOfTheDirectives() {
    assertThat(LISTS.codes("measure"))
        .contains(
            "VRD21",
            "VRD23_2a",
            "VRD23_2d",
            "VRD23_3a",
            "VRD23_3d",
            "VRD24_1a",
            "VRD24_1c",
            "CSA20_3a",
            "CSA20_3f",
            "CSA20_4",
            "CSA20_5a",
            "CSA20_5b",
            "PSD8",
            "PSD9",
            "PSD14",
            "PSD15",
            "PSD7_OTHER");
  }

  @Test
  void guardianRolesIncludeRepresentatives() {
    assertThat(LISTS.codes("guardian-role"))
        .contains(
            "MTH",
            "FTH",
            "GUARD",
            "PRNFOST",
            "SPECIAL_REPRESENTATIVE",
            "APPROPRIATE_ADULT",
            "CHILD_LAWYER",
            "ADULT_OF_CHILDS_CHOICE");
  }

  @Test
  void unknownListIsAnError() {
    assertThatThrownBy(() -> LISTS.contains("no-such-list", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-list");
  }

  @Test
  void nullCodeIsNotContained() {
    assertThat(LISTS.contains("country", null)).isFalse();
  }
}
