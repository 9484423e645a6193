package eu.focus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {

  private static final ContractSchemas SCHEMAS = ContractSchemas.load();

  private static SchemaNode at(ContractDocument document, String pointer) {
    return SCHEMAS.root(document).find(pointer).orElseThrow(() -> new AssertionError(pointer));
  }

  private static String sensitivity(ContractDocument document, String pointer) {
    return at(document, pointer).annotation(SchemaNode.SENSITIVITY).orElseThrow();
  }

  @Test
  void aNestedPropertysOwnClassGoverns() {
    assertThat(sensitivity(ContractDocument.RECORD, "/recordId")).isEqualTo("S0");
    assertThat(sensitivity(ContractDocument.RECORD, "/child")).isEqualTo("S1");
    assertThat(sensitivity(ContractDocument.RECORD, "/child/subjectPseudonym")).isEqualTo("S0");
    assertThat(sensitivity(ContractDocument.RECORD, "/child/interpreterNeeded")).isEqualTo("S2");
    assertThat(sensitivity(ContractDocument.RECORD, "/child/communicationOrDisabilityNeeds"))
        .isEqualTo("S5");
    assertThat(
            sensitivity(
                ContractDocument.RECORD, "/child/communicationOrDisabilityNeeds/description/value"))
        .isEqualTo("S5");
    assertThat(sensitivity(ContractDocument.RECORD, "/guardians/0/contact/phone")).isEqualTo("S4");
    assertThat(sensitivity(ContractDocument.RECORD, "/case/childRoles/0/role")).isEqualTo("S3");
    assertThat(sensitivity(ContractDocument.RECORD, "/assessment/childViews/viewsText/value"))
        .isEqualTo("S6");
    assertThat(sensitivity(ContractDocument.RECORD, "/assessment/restorativeJustice/outcome"))
        .isEqualTo("S7");
  }

  @Test
  void findingsCarryTheirClassInTheData() {
    SchemaNode finding = at(ContractDocument.RECORD, "/assessment/findings/0");
    assertThat(finding.annotation(SchemaNode.SENSITIVITY_FROM)).hasValue("sensitivity");
    assertThat(sensitivity(ContractDocument.RECORD, "/assessment/findings/0/sensitivity"))
        .isEqualTo("S0");
    assertThat(sensitivity(ContractDocument.RECORD, "/assessment/findings/0/domain"))
        .isEqualTo("S0");
    for (String content : new String[] {"summary", "detail", "strengths", "basis", "source"}) {
      assertThat(sensitivity(ContractDocument.RECORD, "/assessment/findings/0/" + content))
          .as(content)
          .isEqualTo(SchemaNode.DYNAMIC);
    }
  }

  @Test
  void summaryFlagMarksConclusionsButNotNarratives() {
    assertThat(
            at(ContractDocument.RECORD, "/assessment/findings/0/summary").flag(SchemaNode.SUMMARY))
        .isTrue();
    assertThat(
            at(ContractDocument.RECORD, "/assessment/findings/0/detail").flag(SchemaNode.SUMMARY))
        .isFalse();
    assertThat(
            at(ContractDocument.RECORD, "/assessment/childViews/viewsSummary")
                .flag(SchemaNode.SUMMARY))
        .isTrue();
    assertThat(
            at(ContractDocument.RECORD, "/assessment/childViews/viewsText")
                .flag(SchemaNode.SUMMARY))
        .isFalse();
    assertThat(
            at(ContractDocument.RECORD, "/child/communicationOrDisabilityNeeds/needed")
                .flag(SchemaNode.SUMMARY))
        .isTrue();
    assertThat(at(ContractDocument.RECORD, "/guardians/0/contact").flag(SchemaNode.SUMMARY))
        .isFalse();
  }

  @Test
  void followsReferencesAcrossFiles() {
    SchemaNode child = at(ContractDocument.SUBMISSION, "/record/child");
    assertThat(child.location()).isEqualTo("assessment-record.schema.json#/properties/child");
    assertThat(child.propertyNames())
        .contains("name", "birthDate", "communicationOrDisabilityNeeds");

    SchemaNode basis = at(ContractDocument.DELIVERY_MESSAGE, "/legalBasis/basis");
    assertThat(basis.annotation(SchemaNode.CODELIST)).hasValue("legal-basis");
    assertThat(basis.location()).startsWith("submission.schema.json#/$defs/legalBasis");

    SchemaNode lang = at(ContractDocument.CONSENT, "/capacityNote/lang");
    assertThat(lang.raw().path("pattern").asText()).isNotEmpty();
  }

  @Test
  void keywordsBesideAReferenceTakePrecedenceOverItsTarget() {
    SchemaNode record = SCHEMAS.root(ContractDocument.SUBMISSION).property("record").orElseThrow();
    String beside =
        SCHEMAS.document(ContractDocument.SUBMISSION).at("/properties/record/description").asText();
    String target = SCHEMAS.document(ContractDocument.RECORD).path("description").asText();
    assertThat(beside).isNotEqualTo(target);

    assertThat(record.annotation("description")).hasValue(beside);
    assertThat(record.raw().path("description").asText()).isEqualTo(beside);
    assertThat(record.raw().has("$ref")).isFalse();
    assertThat(record.raw().path("$defs").isObject()).as("target keywords merged in").isTrue();
    assertThat(record.annotation(SchemaNode.SENSITIVITY)).hasValue("S0");
  }

  @Test
  void arraysLeadToTheirItems() {
    SchemaNode guardians =
        SCHEMAS.root(ContractDocument.RECORD).property("guardians").orElseThrow();
    assertThat(guardians.items()).isPresent();
    assertThat(
            guardians
                .items()
                .orElseThrow()
                .property("role")
                .orElseThrow()
                .annotation(SchemaNode.CODELIST))
        .hasValue("guardian-role");
    assertThat(
            SCHEMAS
                .root(ContractDocument.RECORD)
                .find("/child/nationality/0")
                .orElseThrow()
                .annotation(SchemaNode.CODELIST))
        .hasValue("country");
  }

  @Test
  void unknownMembersHaveNoSchema() {
    assertThat(SCHEMAS.root(ContractDocument.RECORD).property("nickname")).isEmpty();
    assertThat(SCHEMAS.root(ContractDocument.RECORD).find("/child/nickname")).isEmpty();
    assertThat(SCHEMAS.root(ContractDocument.RECORD).items()).isEmpty();
    assertThat(SCHEMAS.root(ContractDocument.DELIVERY_MESSAGE).find("/record/child")).isEmpty();
  }

  @Test
  void theRootIsItsOwnPointer() {
    assertThat(SCHEMAS.root(ContractDocument.CONSENT).find("")).isPresent();
    assertThat(SCHEMAS.root(ContractDocument.CONSENT).location()).isEqualTo("consent.schema.json#");
  }

  @Test
  void resolvesAReferenceByAbsoluteId() {
    Map<ContractDocument, JsonNode> documents = new EnumMap<>(ContractDocument.class);
    for (ContractDocument document : ContractDocument.values()) {
      documents.put(document, SCHEMAS.document(document).deepCopy());
    }
    ((ObjectNode) documents.get(ContractDocument.SUBMISSION).at("/properties/record"))
        .put("$ref", ContractDocument.RECORD.id());

    SchemaNode name =
        ContractSchemas.of(documents)
            .root(ContractDocument.SUBMISSION)
            .find("/record/child/name/given")
            .orElseThrow();

    assertThat(name.annotation(SchemaNode.SENSITIVITY)).hasValue("S1");
    assertThat(name.location()).startsWith("assessment-record.schema.json#/$defs/personNameS1");
  }
}
