package eu.focus.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractSchemas;
import eu.focus.gateway.support.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The generic minimisation walk on example 01 (a child victim; findings of classes S2 to S6), with
 * the levels the default policy gives each recipient type.
 */
class MinimiserTest {

  private static final Minimiser MINIMISER = new Minimiser(ContractSchemas.load());
  private static final JsonNode RECORD = Examples.submission("01").get("record");

  private static Map<String, Access> levels(String... classAndLevel) {
    Map<String, Access> m = new TreeMap<>();
    for (String s : classAndLevel) {
      String[] p = s.split("=");
      m.put(p[0], Access.valueOf(p[1]));
    }
    return m;
  }

  private static final Map<String, Access> POLICE =
      levels("S1=FULL", "S2=FULL", "S3=FULL", "S4=SUMMARY", "S5=SUMMARY", "S6=NONE", "S7=NONE");
  private static final Map<String, Access> CHILD_PROTECTION =
      levels("S1=FULL", "S2=FULL", "S3=SUMMARY", "S4=FULL", "S5=FULL", "S6=FULL", "S7=NONE");
  private static final Map<String, Access> NOTHING =
      levels("S1=NONE", "S2=NONE", "S3=NONE", "S4=NONE", "S5=NONE", "S6=NONE", "S7=NONE");

  private static List<String> findingClasses(JsonNode record) {
    List<String> classes = new ArrayList<>();
    record.at("/assessment/findings").forEach(f -> classes.add(f.path("sensitivity").asText()));
    return classes;
  }

  @Test
  void policeGetNoChildViewsAndOnlyTheSummaryOfHealthFindings() {
    Minimiser.Result r = MINIMISER.minimise(RECORD, POLICE);
    JsonNode out = r.record();

    assertThat(out.at("/assessment/childViews").isMissingNode()).isTrue();
    assertThat(findingClasses(out)).doesNotContain("S6");
    JsonNode health = finding(out, "S5");
    assertThat(health.path("summary").path("value").asText()).isNotBlank();
    assertThat(health.has("detail")).isFalse();
    assertThat(out.at("/child/communicationOrDisabilityNeeds/needed").asBoolean()).isTrue();
    assertThat(out.at("/child/communicationOrDisabilityNeeds/description").isMissingNode())
        .isTrue();
    // family background (S4) only as a summary: the guardians' contact details are gone
    assertThat(out.at("/guardians/0/contact").isMissingNode()).isTrue();
    assertThat(out.at("/guardians/0/role").asText()).isEqualTo("MTH");
    assertThat(r.withheld()).contains("S6");
    assertThat(r.summarised()).contains("S4", "S5");
  }

  @Test
  void childProtectionGetsViewsHealthAndFamilyInFull() {
    JsonNode out = MINIMISER.minimise(RECORD, CHILD_PROTECTION).record();

    assertThat(out.at("/assessment/childViews/viewsText/value").asText())
        .isEqualTo(RECORD.at("/assessment/childViews/viewsText/value").asText());
    assertThat(finding(out, "S5").has("detail")).isTrue();
    assertThat(out.at("/guardians/0/contact")).isEqualTo(RECORD.at("/guardians/0/contact"));
    assertThat(findingClasses(out)).containsExactlyInAnyOrderElementsOf(findingClasses(RECORD));
  }

  @Test
  void keepsRoutingDataEvenWhenNoContentClassIsAllowed() {
    JsonNode out = MINIMISER.minimise(RECORD, NOTHING).record();

    assertThat(out.path("recordId")).isEqualTo(RECORD.path("recordId"));
    assertThat(out.path("version")).isEqualTo(RECORD.path("version"));
    assertThat(out.has("child")).isFalse();
    assertThat(out.at("/child/name").isMissingNode()).isTrue();
    assertThat(out.toString()).doesNotContain(RECORD.at("/child/name/family").asText());
  }

  @Test
  void dropsFieldsTheSchemaDoesNotKnow() {
    ObjectNode tampered = RECORD.deepCopy();
    ((ObjectNode) tampered.get("child")).put("secretNote", "not in the contract");

    JsonNode out = MINIMISER.minimise(tampered, CHILD_PROTECTION).record();

    assertThat(out.at("/child/secretNote").isMissingNode()).isTrue();
  }

  @Test
  void treatsAConsentLevelThatWasNotResolvedAsNothing() {
    Map<String, Access> unresolved = new TreeMap<>(CHILD_PROTECTION);
    unresolved.put("S6", Access.CONSENT);

    JsonNode out = MINIMISER.minimise(RECORD, unresolved).record();

    assertThat(out.at("/assessment/childViews").isMissingNode()).isTrue();
  }

  private static JsonNode finding(JsonNode record, String cls) {
    for (JsonNode f : record.at("/assessment/findings")) {
      if (f.path("sensitivity").asText().equals(cls)) {
        return f;
      }
    }
    throw new AssertionError("no " + cls + " finding");
  }
}
