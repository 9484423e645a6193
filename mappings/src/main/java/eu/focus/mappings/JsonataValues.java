package eu.focus.mappings;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the plain Java values (maps, lists, strings, numbers,
 * booleans) that dashjoin JSONata evaluates on.
 */
final class JsonataValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonataValues() {}

  /**
   * The Java value JSONata sees for a JSON tree. A member whose value is {@code null} is left out:
   * national systems often send {@code null} for "not known", and the mapping should treat it like
   * a missing member (JSONata's "undefined") rather than copy a {@code null} into the contract.
   */
  static Object toJsonata(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!field.getValue().isNull()) {
          map.put(field.getKey(), toJsonata(field.getValue()));
        }
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        list.add(item.isNull() ? Jsonata.NULL_VALUE : toJsonata(item));
      }
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToInt()
          ? (Object) node.intValue()
          : node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }

  /**
   * The JSON tree for a JSONata result. Integral doubles become integers, because JSONata (like
   * JavaScript) does not tell 1 from 1.0 and the contract's integers must stay integers.
   *
   * @throws IllegalArgumentException when the result holds something JSON cannot, e.g. a function
   */
  static JsonNode fromJsonata(Object value, String pointer) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        object.set(key, fromJsonata(entry.getValue(), pointer + "/" + escape(key)));
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      int i = 0;
      for (Object item : list) {
        array.add(fromJsonata(item, pointer + "/" + i++));
      }
      return array;
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return integral(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return NODES.numberNode(big);
    }
    if (value instanceof BigDecimal decimal) {
      return NODES.numberNode(decimal);
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return integral((long) d);
      }
      return NODES.numberNode(d);
    }
    throw new IllegalArgumentException(
        "the mapping produced a "
            + value.getClass().getSimpleName()
            + " at '"
            + pointer
            + "', which is not JSON");
  }

  /** The smallest integer node, so that a mapped 1 equals a parsed 1 ({@code IntNode}). */
  private static JsonNode integral(long value) {
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }

  /** A code as the code-list functions receive it: text, or {@code null} when there is none. */
  static String codeText(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return fromJsonata(value, "").asText();
    }
    return fromJsonata(value, "").toString();
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
