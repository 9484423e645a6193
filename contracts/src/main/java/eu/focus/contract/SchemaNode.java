package eu.focus.contract;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A position in a contract schema, with {@code $ref} resolved transparently: a node written as
 * {@code {"$ref": "#/$defs/x", "x-sensitivity": "S5"}} answers for itself and for its target, and
 * keywords written beside the {@code $ref} take precedence over those of the target.
 *
 * <p>The minimiser walks a record alongside its schema with {@link #property(String)} and {@link
 * #items()} and reads the annotations:
 *
 * <ul>
 *   <li>{@value #SENSITIVITY}: the property's class, {@code S0}…{@code S8}. An object or array
 *       property carries the class its presence discloses ({@code child} is S1); its members carry
 *       their own classes, which govern once the walk is inside ({@code child.interpreterNeeded} is
 *       S2). Dropping a withheld container whole is safe: it can only withhold more. The value
 *       {@value #DYNAMIC} means: the class named, in the data, by the member that the nearest
 *       enclosing object schema with {@value #SENSITIVITY_FROM} designates (a finding's {@code
 *       sensitivity}).
 *   <li>{@value #SENSITIVITY_FROM}: on an object schema, the name of its member that holds the
 *       class of its {@value #DYNAMIC} content.
 *   <li>{@value #SUMMARY}: {@code true} on a property whose whole value belongs to the
 *       "summary/conclusions only" view of its class; when that value is an object, every leaf
 *       below it is flagged too, so a walk may decide at the leaves.
 *   <li>{@value #CODELIST}: the id of the code list a string value must come from.
 * </ul>
 *
 * <p>Instances are immutable.
 */
public final class SchemaNode {

  /** Annotation naming a property's sensitivity class. */
  public static final String SENSITIVITY = "x-sensitivity";

  /** Annotation naming the member that carries the class of dynamic content. */
  public static final String SENSITIVITY_FROM = "x-sensitivity-from";

  /** Value of {@value #SENSITIVITY} for content whose class is carried in the data. */
  public static final String DYNAMIC = "dynamic";

  /** Flag marking a property that belongs to the summary view of its class. */
  public static final String SUMMARY = "x-summary";

  /** Annotation naming the code list of a string value. */
  public static final String CODELIST = "x-codelist";

  private static final int MAX_REF_CHAIN = 32;

  /** A schema object and where it was found; {@code base} resolves relative references. */
  record Frame(URI base, JsonNode node, String location) {}

  private final ContractSchemas schemas;
  private final List<Frame> chain;
  private volatile ObjectNode merged;

  private SchemaNode(ContractSchemas schemas, List<Frame> chain) {
    this.schemas = schemas;
    this.chain = chain;
  }

  static SchemaNode of(ContractSchemas schemas, Frame start) {
    List<Frame> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Frame frame = start;
    while (true) {
      if (!seen.add(frame.location()) || chain.size() == MAX_REF_CHAIN) {
        throw new IllegalStateException("$ref cycle through " + frame.location());
      }
      chain.add(frame);
      JsonNode ref = frame.node().get("$ref");
      if (ref == null || !ref.isTextual()) {
        break;
      }
      frame = schemas.resolve(frame.base(), ref.asText());
    }
    return new SchemaNode(schemas, List.copyOf(chain));
  }

  /** The schema of the named member of an object, if the schema declares it. */
  public Optional<SchemaNode> property(String name) {
    for (Frame frame : chain) {
      JsonNode schema = frame.node().path("properties").get(name);
      if (schema != null && schema.isObject()) {
        return Optional.of(
            of(
                schemas,
                new Frame(frame.base(), schema, frame.location() + "/properties/" + escape(name))));
      }
    }
    return Optional.empty();
  }

  /** The schema of an array's items, if this is an array schema. */
  public Optional<SchemaNode> items() {
    for (Frame frame : chain) {
      JsonNode schema = frame.node().get("items");
      if (schema != null && schema.isObject()) {
        return Optional.of(
            of(schemas, new Frame(frame.base(), schema, frame.location() + "/items")));
      }
    }
    return Optional.empty();
  }

  /**
   * Follows an RFC 6901 pointer into a document of this schema: numeric segments of arrays go to
   * {@link #items()}, every other segment to {@link #property(String)}. {@code ""} is this node.
   */
  public Optional<SchemaNode> find(String instancePointer) {
    JsonPointer pointer = JsonPointer.compile(instancePointer);
    Optional<SchemaNode> current = Optional.of(this);
    while (!pointer.matches() && current.isPresent()) {
      SchemaNode node = current.get();
      String segment = pointer.getMatchingProperty();
      Optional<SchemaNode> items = node.items();
      current =
          items.isPresent() && pointer.getMatchingIndex() >= 0 ? items : node.property(segment);
      pointer = pointer.tail();
    }
    return current;
  }

  /** The names of the properties this schema declares, in schema order. */
  public Set<String> propertyNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Frame frame : chain) {
      frame.node().path("properties").fieldNames().forEachRemaining(names::add);
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * The value of a keyword written as a string, number or boolean, e.g. {@code
   * annotation("x-sensitivity")} gives {@code "S5"}; empty if no schema in the chain has it.
   */
  public Optional<String> annotation(String keyword) {
    for (Frame frame : chain) {
      JsonNode value = frame.node().get(keyword);
      if (value != null) {
        return value.isValueNode() && !value.isNull()
            ? Optional.of(value.asText())
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Whether a boolean keyword such as {@code x-summary} is {@code true}. */
  public boolean flag(String keyword) {
    for (Frame frame : chain) {
      JsonNode value = frame.node().get(keyword);
      if (value != null) {
        return value.isBoolean() && value.booleanValue();
      }
    }
    return false;
  }

  /**
   * The schema object with its {@code $ref}s merged in: the target's keywords, overridden by those
   * written beside the {@code $ref}, without {@code $ref} itself. Do not modify it.
   */
  public JsonNode raw() {
    ObjectNode result = merged;
    if (result == null) {
      result = JsonNodeFactory.instance.objectNode();
      for (int i = chain.size() - 1; i >= 0; i--) {
        Iterator<String> names = chain.get(i).node().fieldNames();
        while (names.hasNext()) {
          String name = names.next();
          if (!"$ref".equals(name)) {
            result.set(name, chain.get(i).node().get(name));
          }
        }
      }
      merged = result;
    }
    return result;
  }

  /**
   * Where this node is written, e.g. {@code
   * assessment-record.schema.json#/$defs/child/properties/name}; for messages and tests.
   */
  public String location() {
    return chain.get(0).location();
  }

  @Override
  public String toString() {
    return location();
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
