package eu.focus.contract.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Reading members of a contract document null-safely, and building one in which absent values leave
 * no member: {@link Obj} drops nulls and empty objects or arrays, exactly as the gateway's
 * minimiser does, so a round trip gives back the same tree.
 */
final class Json {

  private Json() {}

  static String str(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  static Boolean bool(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isBoolean() ? value.booleanValue() : null;
  }

  static Integer integer(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.canConvertToInt() && value.isIntegralNumber()
        ? value.intValue()
        : null;
  }

  /** The member if it is an object, else null. */
  static JsonNode obj(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isObject() ? value : null;
  }

  /** The member's elements if it is an array, else none. */
  static Iterable<JsonNode> arr(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isArray() ? value : List.of();
  }

  /** An object under construction; {@link #node()} is null when nothing was put. */
  static final class Obj {
    private final ObjectNode node = JsonNodeFactory.instance.objectNode();

    Obj put(String name, String value) {
      if (value != null) {
        node.put(name, value);
      }
      return this;
    }

    Obj put(String name, Boolean value) {
      if (value != null) {
        node.put(name, value);
      }
      return this;
    }

    Obj put(String name, Integer value) {
      if (value != null) {
        node.put(name, value);
      }
      return this;
    }

    Obj set(String name, JsonNode value) {
      if (value != null && !(value.isContainerNode() && value.isEmpty())) {
        node.set(name, value);
      }
      return this;
    }

    Obj set(String name, Obj value) {
      return set(name, value.node());
    }

    ObjectNode node() {
      return node.isEmpty() ? null : node;
    }
  }

  static Obj obj() {
    return new Obj();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Adds to an array unless null. */
  static void add(ArrayNode array, JsonNode value) {
    if (value != null) {
      array.add(value);
    }
  }
}
