package eu.focus.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractSchemas;
import eu.focus.contract.SchemaNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Cuts a record down to what one recipient may see, by a generic walk over the contract schema:
 * every property's class comes from its {@code x-sensitivity} annotation (or, for findings, from
 * the data, via {@code x-sensitivity-from}); FULL keeps it, SUMMARY keeps only {@code x-summary}
 * leaves, NONE drops it with everything below. A property the schema does not know is dropped:
 * minimise by default. There is no per-field code here, so a new field in the schema is minimised
 * correctly as soon as it carries its annotation.
 */
@Component
public class Minimiser {

  /** The minimised copy, and which classes were withheld entirely or cut to a summary. */
  public record Result(JsonNode record, SortedSet<String> withheld, SortedSet<String> summarised) {}

  private static final String DYNAMIC = "dynamic";
  private final ContractSchemas schemas;

  public Minimiser(ContractSchemas schemas) {
    this.schemas = schemas;
  }

  /**
   * @param access resolved level per class S1..S7 (FULL, SUMMARY or NONE); S0 is always FULL,
   *     anything else missing counts as NONE
   */
  public Result minimise(JsonNode record, Map<String, Access> access) {
    Walk walk = new Walk(access);
    JsonNode out = walk.object(record, schemas.root(ContractDocument.RECORD), null);
    return new Result(
        out == null ? JsonNodeFactory.instance.objectNode() : out, walk.withheld, walk.summarised);
  }

  private static final class Walk {
    final Map<String, Access> access;
    final SortedSet<String> withheld = new TreeSet<>();
    final SortedSet<String> summarised = new TreeSet<>();

    Walk(Map<String, Access> access) {
      this.access = access;
    }

    Access level(String cls) {
      if ("S0".equals(cls)) {
        return Access.FULL;
      }
      Access a = access.getOrDefault(cls, Access.NONE);
      return a == Access.CONSENT ? Access.NONE : a;
    }

    /** Returns the kept part of an object, or null when nothing of it may be shown. */
    ObjectNode object(JsonNode instance, SchemaNode schema, String enclosingClass) {
      if (!instance.isObject()) {
        return null;
      }
      String objectClass =
          schema
              .annotation("x-sensitivity-from")
              .map(f -> instance.path(f).asText(null))
              .orElse(enclosingClass);
      if (schema.annotation("x-sensitivity-from").isPresent()) {
        if (objectClass == null || level(objectClass) == Access.NONE) {
          withheld.add(objectClass == null ? "unclassified" : objectClass);
          return null;
        }
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = instance.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        Optional<SchemaNode> ps = schema.property(field.getKey());
        if (ps.isEmpty()) {
          continue;
        }
        String cls = ps.get().annotation("x-sensitivity").orElse(null);
        if (DYNAMIC.equals(cls)) {
          cls = objectClass;
        }
        if (cls == null) {
          continue;
        }
        JsonNode kept = value(field.getValue(), ps.get(), cls, objectClass);
        if (kept != null) {
          out.set(field.getKey(), kept);
        }
      }
      return out.isEmpty() ? null : out;
    }

    JsonNode value(JsonNode value, SchemaNode schema, String cls, String objectClass) {
      Access a = level(cls);
      if (a == Access.NONE) {
        withheld.add(cls);
        return null;
      }
      if (value.isObject()) {
        return object(value, schema, objectClass);
      }
      if (value.isArray()) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        SchemaNode items = schema.items().orElse(schema);
        for (JsonNode element : value) {
          JsonNode kept =
              element.isContainerNode()
                  ? value(element, items, cls, objectClass)
                  : leaf(element, schema, cls, a);
          if (kept != null) {
            out.add(kept);
          }
        }
        return out.isEmpty() ? null : out;
      }
      return leaf(value, schema, cls, a);
    }

    JsonNode leaf(JsonNode value, SchemaNode schema, String cls, Access a) {
      if (a == Access.SUMMARY && !schema.flag("x-summary")) {
        summarised.add(cls);
        return null;
      }
      return value;
    }
  }
}
