package eu.focus.mappings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * JSON as canonical text (members sorted, numbers by value), so that a failed comparison shows a
 * readable line diff instead of two one-line dumps.
 */
final class JsonText {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private JsonText() {}

  static String canonical(JsonNode node) {
    try {
      Object plain = JSON.treeToValue(node, Object.class);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plain);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String canonical(String json) {
    try {
      return canonical(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
