package eu.focus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The minimiser and the validator rely on the annotations being complete: every property of every
 * schema carries a sensitivity class, and every code list named exists.
 */
class SchemaAnnotationsTest {

  private static final Set<String> CLASSES =
      Set.of("S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8");

  /** Keywords whose value is one subschema. */
  private static final Set<String> SUBSCHEMA =
      Set.of(
          "items",
          "not",
          "if",
          "then",
          "else",
          "additionalProperties",
          "unevaluatedProperties",
          "contains",
          "propertyNames");

  /** Keywords whose value is an array of subschemas. */
  private static final Set<String> SUBSCHEMA_ARRAYS =
      Set.of("allOf", "anyOf", "oneOf", "prefixItems");

  /** Keywords whose value maps names to subschemas. */
  private static final Set<String> SUBSCHEMA_MAPS =
      Set.of("properties", "$defs", "patternProperties", "dependentSchemas");

  private static final ContractSchemas SCHEMAS = ContractSchemas.load();
  private static final CodeLists CODE_LISTS = CodeLists.load();

  @ParameterizedTest
  @EnumSource(ContractDocument.class)
  void everyPropertyAtEveryDepthHasAnAllowedSensitivityClass(ContractDocument document) {
    List<String> offenders = new ArrayList<>();
    walk(
        SCHEMAS.document(document),
        document.fileName() + "#",
        (schema, path) -> {
          Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
          while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String where = path + "/properties/" + SchemaNode.escape(property.getKey());
            if (property.getValue().isBoolean()) {
              // `false` forbids the member (e.g. previousVersion on version 1): nothing to
              // classify.
              continue;
            }
            String value = property.getValue().path(SchemaNode.SENSITIVITY).asText(null);
            if (value == null) {
              offenders.add(where + " has no " + SchemaNode.SENSITIVITY);
            } else if (!CLASSES.contains(value) && !SchemaNode.DYNAMIC.equals(value)) {
              offenders.add(where + " has " + SchemaNode.SENSITIVITY + " '" + value + "'");
            }
          }
        });
    assertThat(offenders).as("properties without an allowed sensitivity class").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ContractDocument.class)
  void dynamicClassAppearsOnlyInsideAnObjectThatCarriesItsClass(ContractDocument document) {
    List<String> offenders = new ArrayList<>();
    checkDynamic(SCHEMAS.root(document), "", false, offenders);
    assertThat(offenders)
        .as("dynamic properties outside an object with " + SchemaNode.SENSITIVITY_FROM)
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ContractDocument.class)
  void sensitivityFromNamesAnS0MemberWhoseValuesAreClasses(ContractDocument document) {
    List<String> offenders = new ArrayList<>();
    walk(
        SCHEMAS.document(document),
        document.fileName() + "#",
        (schema, path) -> {
          String from = schema.path(SchemaNode.SENSITIVITY_FROM).asText(null);
          if (from == null) {
            return;
          }
          JsonNode member = schema.path("properties").path(from);
          if (!"S0".equals(member.path(SchemaNode.SENSITIVITY).asText())) {
            offenders.add(path + ": member '" + from + "' is missing or not S0");
          }
          if (!member.path("enum").isArray() || member.path("enum").isEmpty()) {
            offenders.add(path + ": member '" + from + "' has no enum of classes");
          }
          member
              .path("enum")
              .forEach(
                  v -> {
                    if (!CLASSES.contains(v.asText())) {
                      offenders.add(path + ": member '" + from + "' allows '" + v.asText() + "'");
                    }
                  });
        });
    assertThat(offenders).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ContractDocument.class)
  void everyCodeListNamedExistsAndAnnotatesAString(ContractDocument document) {
    List<String> offenders = new ArrayList<>();
    walk(
        SCHEMAS.document(document),
        document.fileName() + "#",
        (schema, path) -> {
          JsonNode list = schema.get(SchemaNode.CODELIST);
          if (list == null) {
            return;
          }
          if (!CODE_LISTS.listIds().contains(list.asText())) {
            offenders.add(path + " names unknown code list '" + list.asText() + "'");
          }
          if (!"string".equals(schema.path("type").asText())) {
            offenders.add(path + " has " + SchemaNode.CODELIST + " but is not of type string");
          }
        });
    assertThat(offenders).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ContractDocument.class)
  void summaryFlagIsOnlyEverTrue(ContractDocument document) {
    List<String> offenders = new ArrayList<>();
    walk(
        SCHEMAS.document(document),
        document.fileName() + "#",
        (schema, path) -> {
          JsonNode flag = schema.get(SchemaNode.SUMMARY);
          if (flag != null && !(flag.isBoolean() && flag.booleanValue())) {
            offenders.add(path + " has " + SchemaNode.SUMMARY + " " + flag);
          }
        });
    assertThat(offenders).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ContractDocument.class)
  void aSummaryObjectFlagsEveryLeafBelowItToo(ContractDocument document) {
    // A minimiser may decide at the leaves: the summary of a finding keeps its text only if the
    // text's own members are flagged.
    List<String> offenders = new ArrayList<>();
    checkSummaryLeaves(SCHEMAS.root(document), "", false, offenders);
    assertThat(offenders).as("leaves under an x-summary property without x-summary").isEmpty();
  }

  private static void checkSummaryLeaves(
      SchemaNode node, String path, boolean underSummary, List<String> offenders) {
    for (String name : node.propertyNames()) {
      SchemaNode child = node.property(name).orElseThrow();
      String at = path + "/" + name;
      boolean summary = underSummary || child.flag(SchemaNode.SUMMARY);
      SchemaNode leafOrItems = child.items().orElse(child);
      if (leafOrItems.propertyNames().isEmpty()) {
        if (underSummary && !child.flag(SchemaNode.SUMMARY)) {
          offenders.add(at + " (" + child.location() + ")");
        }
      } else {
        checkSummaryLeaves(leafOrItems, at, summary, offenders);
      }
    }
  }

  /** Visits every schema object of a document, with its location. */
  private static void walk(JsonNode schema, String path, BiConsumer<JsonNode, String> visitor) {
    if (!schema.isObject()) {
      return;
    }
    visitor.accept(schema, path);
    Iterator<Map.Entry<String, JsonNode>> keywords = schema.fields();
    while (keywords.hasNext()) {
      Map.Entry<String, JsonNode> keyword = keywords.next();
      String at = path + "/" + SchemaNode.escape(keyword.getKey());
      if (SUBSCHEMA.contains(keyword.getKey())) {
        walk(keyword.getValue(), at, visitor);
      } else if (SUBSCHEMA_ARRAYS.contains(keyword.getKey())) {
        for (int i = 0; i < keyword.getValue().size(); i++) {
          walk(keyword.getValue().get(i), at + "/" + i, visitor);
        }
      } else if (SUBSCHEMA_MAPS.contains(keyword.getKey())) {
        keyword
            .getValue()
            .fields()
            .forEachRemaining(
                e -> walk(e.getValue(), at + "/" + SchemaNode.escape(e.getKey()), visitor));
      }
    }
  }

  /** Walks the instance structure with references resolved, tracking x-sensitivity-from. */
  private static void checkDynamic(
      SchemaNode node, String path, boolean carriesClass, List<String> offenders) {
    if (path.split("/").length > 20) {
      offenders.add(path + ": schema nests deeper than expected (recursive?)");
      return;
    }
    boolean inside = carriesClass || node.annotation(SchemaNode.SENSITIVITY_FROM).isPresent();
    for (String name : node.propertyNames()) {
      node.property(name)
          .ifPresent(
              child -> {
                String at = path + "/" + name;
                if (SchemaNode.DYNAMIC.equals(child.annotation(SchemaNode.SENSITIVITY).orElse(""))
                    && !inside) {
                  offenders.add(at + " (" + child.location() + ")");
                }
                checkDynamic(child, at, inside, offenders);
              });
    }
    node.items().ifPresent(items -> checkDynamic(items, path + "/[]", inside, offenders));
  }
}
