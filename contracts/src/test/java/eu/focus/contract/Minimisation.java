package eu.focus.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The record forms a recipient may get, for the conversion tests: a schema-driven stripper that
 * follows the gateway's minimiser (which lives in the gateway module and cannot be used here). Each
 * property's class comes from {@code x-sensitivity} with {@code $ref}s resolved, a finding's {@code
 * dynamic} content from its {@code sensitivity}; a withheld class loses every property of that
 * class with everything below, a summarised class keeps only {@code x-summary} leaves, and
 * containers left empty disappear. S0 is never touched.
 */
public final class Minimisation {

  /** One way to cut a record: classes withheld and classes cut to their summary. */
  public record Variant(String name, Set<String> withheld, Set<String> summarised) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * S1..S7 each withheld, and everything but S0 withheld or cut to its summary. A profile breaks
   * when it needs a member that is gone while a sibling is kept; for every such pair one of these
   * forms exists: of different classes, withholding the missing member's class keeps the other
   * whole; of one class, only a summary can split them, and summarising everything does. So each
   * class summarised on its own is left out: it would only slow the FHIR validation down.
   */
  public static List<Variant> variants() {
    List<String> classes = List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7");
    List<Variant> variants = new ArrayList<>();
    for (String c : classes) {
      variants.add(new Variant(c + " withheld", Set.of(c), Set.of()));
    }
    variants.add(new Variant("all but S0 withheld", Set.copyOf(classes), Set.of()));
    variants.add(new Variant("all but S0 summary", Set.of(), Set.copyOf(classes)));
    return variants;
  }

  private static final SchemaNode RECORD = ContractSchemas.load().root(ContractDocument.RECORD);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Minimisation() {}

  /**
   * The distinct minimised forms of a record, by variant name; a variant that gives the same record
   * as an earlier one (or as the full record) is left out.
   */
  public static Map<String, ObjectNode> distinctForms(JsonNode record) {
    Map<String, ObjectNode> forms = new LinkedHashMap<>();
    List<JsonNode> seen = new ArrayList<>(List.of(record));
    for (Variant variant : variants()) {
      ObjectNode form = strip(record, variant);
      if (!seen.contains(form)) {
        seen.add(form);
        forms.put(variant.name(), form);
      }
    }
    return forms;
  }

  /**
   * The delivery message the gateway would send a submission's first recipient with a minimised
   * form of its record; {@code withheldClasses} lists the classes the variant withholds.
   */
  public static ObjectNode delivery(JsonNode submission, JsonNode record, String variantName) {
    String recipient = submission.path("recipients").path(0).asText();
    ObjectNode delivery = MAPPER.createObjectNode();
    delivery.set("messageId", submission.get("messageId"));
    delivery.put("contractVersion", "1.0");
    delivery.set("sourceCountry", submission.get("sourceCountry"));
    delivery.set("sourceAgency", submission.get("sourceAgency"));
    delivery.put("deliveryId", "e1b2c301-5d6e-4f70-8a9b-0c1d2e3f4001");
    delivery.put("idempotencyKey", "e1b2c301-5d6e-4f70-8a9b-0c1d2e3f4001/1");
    delivery.put("kind", "ASSESSMENT");
    delivery.put("destinationCountry", recipient.substring(0, 2).toUpperCase(Locale.ROOT));
    delivery.put("destinationAgency", recipient);
    delivery.set("purposeOfUse", submission.get("purposeOfUse"));
    delivery.set("legalBasis", submission.get("legalBasis"));
    if (submission.has("handlingConditions")) {
      delivery.set("handlingConditions", submission.get("handlingConditions"));
    }
    delivery.put("sentAt", "2026-11-21T12:31:00.123+02:00");
    Variant variant =
        variants().stream().filter(v -> v.name().equals(variantName)).findFirst().orElseThrow();
    ArrayNode withheld = delivery.putArray("withheldClasses");
    variant.withheld().stream().sorted().forEach(withheld::add);
    delivery.set("record", record);
    return delivery;
  }

  /** A minimised copy of a record; the record itself is left alone. */
  public static ObjectNode strip(JsonNode record, Variant variant) {
    ObjectNode out = new Walk(variant).object(record, RECORD, null);
    return out == null ? MAPPER.createObjectNode() : out;
  }

  private record Walk(Variant variant) {

    ObjectNode object(JsonNode instance, SchemaNode schema, String enclosingClass) {
      String objectClass = enclosingClass;
      if (schema.annotation(SchemaNode.SENSITIVITY_FROM).isPresent()) {
        objectClass = instance.path(schema.annotation(SchemaNode.SENSITIVITY_FROM).get()).asText();
        if (variant.withheld().contains(objectClass)) {
          return null;
        }
      }
      ObjectNode out = MAPPER.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = instance.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        SchemaNode property = schema.property(field.getKey()).orElseThrow();
        String cls = property.annotation(SchemaNode.SENSITIVITY).orElseThrow();
        JsonNode kept =
            value(
                field.getValue(),
                property,
                SchemaNode.DYNAMIC.equals(cls) ? objectClass : cls,
                objectClass);
        if (kept != null) {
          out.set(field.getKey(), kept);
        }
      }
      return out.isEmpty() ? null : out;
    }

    JsonNode value(JsonNode value, SchemaNode schema, String cls, String objectClass) {
      if (variant.withheld().contains(cls)) {
        return null;
      }
      if (value.isObject()) {
        return object(value, schema, objectClass);
      }
      if (value.isArray()) {
        ArrayNode out = MAPPER.createArrayNode();
        SchemaNode items = schema.items().orElseThrow();
        for (JsonNode element : value) {
          JsonNode kept =
              element.isContainerNode()
                  ? value(element, items, cls, objectClass)
                  : leaf(element, schema, cls);
          if (kept != null) {
            out.add(kept);
          }
        }
        return out.isEmpty() ? null : out;
      }
      return leaf(value, schema, cls);
    }

    JsonNode leaf(JsonNode value, SchemaNode schema, String cls) {
      return variant.summarised().contains(cls) && !schema.flag(SchemaNode.SUMMARY) ? null : value;
    }
  }
}
