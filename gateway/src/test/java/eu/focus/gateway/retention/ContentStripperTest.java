package eu.focus.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractSchemas;
import eu.focus.gateway.policy.Minimiser;
import eu.focus.gateway.support.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class-stripping on example 01 (a child victim whose findings are of classes S2 to S6) and example
 * 10 (with restorative justice, S7).
 */
class ContentStripperTest {

  private static final ContentStripper STRIPPER =
      new ContentStripper(new Minimiser(ContractSchemas.load()));

  private static JsonNode record(String example) {
    ObjectNode r = (ObjectNode) Examples.submission(example).get("record").deepCopy();
    ((ObjectNode) r.get("child")).put("subjectPseudonym", "psn-test");
    return r;
  }

  private static List<String> findingClasses(JsonNode record) {
    List<String> classes = new ArrayList<>();
    record.at("/assessment/findings").forEach(f -> classes.add(f.path("sensitivity").asText()));
    return classes;
  }

  @Test
  void removingNothingKeepsTheRecordAsStored() {
    JsonNode r = record("01");
    assertThat(STRIPPER.without(r, Set.of())).isEqualTo(r);
  }

  @Test
  void removesHealthFindingsAndNeedsButKeepsEverythingElse() {
    JsonNode r = record("01");
    assertThat(findingClasses(r)).contains("S5");
    assertThat(r.at("/child/communicationOrDisabilityNeeds").isMissingNode()).isFalse();

    JsonNode stripped = STRIPPER.without(r, Set.of("S5"));

    assertThat(findingClasses(stripped)).doesNotContain("S5").isNotEmpty();
    assertThat(findingClasses(stripped))
        .containsExactlyElementsOf(
            findingClasses(r).stream().filter(c -> !"S5".equals(c)).toList());
    assertThat(stripped.at("/child/communicationOrDisabilityNeeds").isMissingNode()).isTrue();
    assertThat(stripped.at("/child/name")).isEqualTo(r.at("/child/name"));
    assertThat(stripped.get("case")).isEqualTo(r.get("case"));
    assertThat(stripped.get("guardians")).isEqualTo(r.get("guardians"));
  }

  @Test
  void removesTheChildsViewsAndFamilyBackground() {
    JsonNode r = record("01");
    assertThat(r.at("/assessment/childViews").isMissingNode()).isFalse();

    JsonNode stripped = STRIPPER.without(r, Set.of("S4", "S6"));

    assertThat(stripped.at("/assessment/childViews").isMissingNode()).isTrue();
    assertThat(stripped.has("guardians")).isFalse();
    assertThat(findingClasses(stripped)).doesNotContain("S4", "S6");
    assertThat(stripped.get("child")).isEqualTo(r.get("child"));
  }

  @Test
  void removesRestorativeJusticeDiscussions() {
    JsonNode r = record("10");
    assertThat(r.toString()).contains("restorativeJustice");

    JsonNode stripped = STRIPPER.without(r, Set.of("S7"));

    assertThat(stripped.toString()).doesNotContain("restorativeJustice");
    assertThat(stripped.get("child")).isEqualTo(r.get("child"));
  }

  @Test
  void withEveryContentClassGoneOnlyTheRoutingSkeletonIsLeft() {
    JsonNode r = record("01");

    JsonNode stripped = STRIPPER.without(r, Set.copyOf(RetentionRules.CLASSES));

    List<String> left = new ArrayList<>();
    stripped.fieldNames().forEachRemaining(left::add);
    assertThat(left)
        .doesNotContain("child", "guardians", "case", "assessment")
        .contains("recordId", "version", "contractVersion", "provenance");
    assertThat(stripped.get("recordId")).isEqualTo(r.get("recordId"));
    assertThat(stripped.get("provenance")).isEqualTo(r.get("provenance"));
    String name = r.at("/child/name").toString();
    assertThat(stripped.toString()).doesNotContain(name);
  }
}
