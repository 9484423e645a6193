package eu.focus.contract.xml;

import com.fasterxml.jackson.databind.JsonNode;
import eu.focus.contract.ContractDocument;
import eu.focus.contract.ContractSchemas;
import eu.focus.contract.SchemaNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives the XML Schema of contract v1 ({@value ContractXml#XSD_RESOURCE}) from the JSON Schemas,
 * so that the two cannot drift apart: the XSD is generated, committed for integrators to read, and
 * {@code XsdGeneratorTest} fails when the committed file is not what this class produces.
 *
 * <p>Conventions (docs/channels-soap-and-fhir.md tells integrators):
 *
 * <ul>
 *   <li>one element per JSON property, same name, in schema order ({@code xs:sequence}); a required
 *       property has {@code minOccurs="1"}, any other {@code minOccurs="0"};
 *   <li>an array is one element named after the property wrapping one {@value ContractXml#ITEM}
 *       element per entry ({@code minItems}/{@code maxItems} bound the items), so an empty array
 *       and an absent one stay different;
 *   <li>an object {@code $def} becomes a named complex type ({@code child} → {@code Child}), a
 *       scalar {@code $def} a named simple type; inline objects and constrained scalars become
 *       anonymous types; {@code enum} and {@code const} become {@code xs:enumeration}, formats
 *       {@code uuid}/{@code date}/{@code date-time} become {@code Uuid}/{@code xs:date}/{@code
 *       xs:dateTime}, patterns lose their {@code ^…$} anchors (XSD patterns are anchored);
 *   <li>a record that may be minimised (in a delivery message, or read back) has type {@code
 *       MinimisedAssessmentRecord}: the same elements, all optional at every depth;
 *   <li>each element's documentation carries its sensitivity class, summary flag, code list and
 *       description.
 * </ul>
 *
 * What the XSD cannot say (conditional requirements, unique items, code-list membership, at least
 * one member) stays with {@link eu.focus.contract.ContractValidator}: the JSON Schema is the
 * authority, the XSD its structural projection.
 *
 * <p>Over 400 lines on purpose: one walk over the JSON Schemas, whose parts (types, restrictions,
 * references) only make sense together; split up, each piece would need the walk's state passed in.
 */
public final class XsdGenerator {

  /** Where the generated file lives in the source tree, relative to the repository root. */
  public static final String SOURCE_PATH =
      "contracts/src/main/resources/" + ContractXml.XSD_RESOURCE;

  static final String UUID_PATTERN =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private static final String MINIMISED = "Minimised";

  private final ContractSchemas schemas;
  private final Map<String, String> complexTypes = new LinkedHashMap<>();
  private final Map<String, String> simpleTypes = new TreeMap<>();
  private final Map<String, String> typeOwners = new LinkedHashMap<>();
  private final Deque<Target> pending = new ArrayDeque<>();
  private final Set<String> queued = new HashSet<>();

  /** A schema position reached through a {@code $ref}: a document's root or one of its defs. */
  private record Target(ContractDocument doc, String def, JsonNode node, boolean minimised) {
    String typeName() {
      String base = def == null ? ContractXml.elementName(doc) : capitalise(def);
      return minimised ? MINIMISED + base : base;
    }
  }

  private XsdGenerator(ContractSchemas schemas) {
    this.schemas = schemas;
  }

  /** The XSD text for the given schemas. */
  public static String generate(ContractSchemas schemas) {
    return new XsdGenerator(schemas).run();
  }

  /** Writes the XSD to {@code args[0]}, by default {@link #SOURCE_PATH} (run from the root). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : SOURCE_PATH);
    Files.createDirectories(out.getParent());
    Files.writeString(out, generate(ContractSchemas.load()), StandardCharsets.UTF_8);
    System.out.println("Wrote " + out.toAbsolutePath());
  }

  private String run() {
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append(
        "<!-- Generated from the JSON Schemas of contract v1 by eu.focus.contract.xml.XsdGenerator:"
            + " do not edit.\n");
    out.append(
        "     Regenerate: ./mvnw -B -q -o -pl contracts test -Dtest=XsdGeneratorTest"
            + " -Dfocus.xsd.regenerate=true -->\n");
    out.append("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"\n");
    out.append("           xmlns=\"").append(ContractXml.NAMESPACE).append("\"\n");
    out.append("           targetNamespace=\"").append(ContractXml.NAMESPACE).append("\"\n");
    out.append("           elementFormDefault=\"qualified\" version=\"1.0\">\n");
    out.append(
        documentation(
            "  ",
            "Contract v1 of Focus Gateway as XML. The JSON Schemas under focus/contract/v1/ are the"
                + " source of truth; this schema expresses their structure. Arrays are a wrapper"
                + " element named after the property holding one <item> per entry. The"
                + " documentation of each element names its sensitivity class (S0-S8; 'dynamic':"
                + " the class named by the enclosing finding's sensitivity)."));
    for (ContractDocument doc : ContractDocument.values()) {
      String name = ContractXml.elementName(doc);
      out.append("  <xs:element name=\"")
          .append(name)
          .append("\" type=\"")
          .append(name)
          .append("\"/>\n");
      enqueue(new Target(doc, null, schemas.document(doc), false));
    }
    while (!pending.isEmpty()) {
      Target target = pending.removeFirst();
      complexTypes.put(target.typeName(), complexType(target));
    }
    // the full types first, in the order the documents reach them, then their minimised twins
    complexTypes.forEach((name, text) -> out.append(name.startsWith(MINIMISED) ? "" : text));
    complexTypes.forEach((name, text) -> out.append(name.startsWith(MINIMISED) ? text : ""));
    simpleTypes.values().forEach(out::append);
    out.append("</xs:schema>\n");
    return out.toString();
  }

  private String enqueue(Target target) {
    String name = target.typeName();
    String owner = target.doc() + "#" + target.def() + "/" + target.minimised();
    String previous = typeOwners.putIfAbsent(name, owner);
    if (previous != null && !previous.equals(owner)) {
      throw new IllegalStateException("two schemas would both be XSD type " + name);
    }
    if (queued.add(name)) {
      pending.addLast(target);
    }
    return name;
  }

  private String complexType(Target target) {
    StringBuilder out = new StringBuilder();
    out.append("  <xs:complexType name=\"").append(target.typeName()).append("\">\n");
    String description = text(target.node(), "description");
    if (target.minimised()) {
      description =
          "As "
              + target.typeName().substring(MINIMISED.length())
              + ", minimised for a recipient: any member may be absent. "
              + (description == null ? "" : description);
    }
    if (description != null) {
      out.append(documentation("    ", description.strip()));
    }
    content(out, "    ", target.doc(), target.node(), target.minimised());
    out.append("  </xs:complexType>\n");
    return out.toString();
  }

  /** The particle of an object schema: a sequence of its properties (a choice for "one of"). */
  private void content(
      StringBuilder out, String indent, ContractDocument doc, JsonNode node, boolean minimised) {
    Set<String> required = new HashSet<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    boolean choice =
        node.path("minProperties").asInt(0) == 1 && node.path("maxProperties").asInt(0) == 1;
    String particle = choice ? "xs:choice" : "xs:sequence";
    out.append(indent).append('<').append(particle);
    if (choice && minimised) {
      out.append(" minOccurs=\"0\"");
    }
    out.append(">\n");
    node.path("properties")
        .fields()
        .forEachRemaining(
            property -> {
              String name = property.getKey();
              int min = choice ? 1 : (!minimised && required.contains(name) ? 1 : 0);
              // The delivery message's record is "type: object" in JSON Schema; in XML it is
              // the record schema with every member optional (ContractXml follows the same rule).
              Target forced =
                  doc == ContractDocument.DELIVERY_MESSAGE
                          && node == schemas.document(doc)
                          && ContractXml.DELIVERY_RECORD.equals(name)
                      ? new Target(
                          ContractDocument.RECORD,
                          null,
                          schemas.document(ContractDocument.RECORD),
                          true)
                      : null;
              element(
                  out, indent + "  ", doc, name, property.getValue(), min, null, minimised, forced);
            });
    out.append(indent).append("</").append(particle).append(">\n");
  }

  /**
   * One element for a property (or an array's item): its occurrences, its documentation, and its
   * type by name or inline.
   */
  private void element(
      StringBuilder out,
      String indent,
      ContractDocument doc,
      String name,
      JsonNode written,
      int minOccurs,
      String maxOccurs,
      boolean minimised,
      Target forced) {
    out.append(indent).append("<xs:element name=\"").append(name).append('"');
    if (minOccurs != 1) {
      out.append(" minOccurs=\"").append(minOccurs).append('"');
    }
    if (maxOccurs != null) {
      out.append(" maxOccurs=\"").append(maxOccurs).append('"');
    }
    Target target =
        forced != null
            ? forced
            : written.has("$ref") ? resolve(doc, written.get("$ref").asText()) : null;
    JsonNode effective = target == null ? written : merge(target.node(), written);
    String doc1 = elementDocumentation(written);
    String type = null;
    if (target != null && isObject(target.node())) {
      type =
          enqueue(
              new Target(
                  target.doc(), target.def(), target.node(), minimised || target.minimised()));
    } else if (target != null) {
      type = simpleType(capitalise(target.def()), target.node());
    } else if (!isObject(effective) && !isArray(effective)) {
      type = builtInType(effective);
    }
    if (type != null) {
      out.append(" type=\"").append(type).append('"');
    }
    if (type != null && doc1 == null) {
      out.append("/>\n");
      return;
    }
    out.append(">\n");
    if (doc1 != null) {
      out.append(documentation(indent + "  ", doc1));
    }
    if (type == null) {
      String inner = indent + "  ";
      if (isObject(effective)) {
        out.append(inner).append("<xs:complexType>\n");
        content(out, inner + "  ", doc, effective, minimised);
        out.append(inner).append("</xs:complexType>\n");
      } else if (isArray(effective)) {
        JsonNode items = effective.path("items");
        int min = minimised ? 0 : effective.path("minItems").asInt(0);
        String max = effective.has("maxItems") ? effective.get("maxItems").asText() : "unbounded";
        out.append(inner).append("<xs:complexType>\n");
        out.append(inner).append("  <xs:sequence>\n");
        element(out, inner + "    ", doc, ContractXml.ITEM, items, min, max, minimised, null);
        out.append(inner).append("  </xs:sequence>\n");
        out.append(inner).append("</xs:complexType>\n");
      } else {
        restriction(out, inner, effective, null);
      }
    }
    out.append(indent).append("</xs:element>\n");
  }

  /** A built-in or shared type name when the scalar needs no facets of its own, else null. */
  private String builtInType(JsonNode schema) {
    if (!facets(schema).isEmpty()) {
      return null;
    }
    return base(schema);
  }

  private String base(JsonNode schema) {
    String type = schema.path("type").asText("string");
    switch (type) {
      case "integer":
        return "xs:integer";
      case "number":
        return "xs:decimal";
      case "boolean":
        return "xs:boolean";
      case "string":
        break;
      default:
        throw new IllegalStateException("no XSD type for JSON type " + type);
    }
    return switch (schema.path("format").asText("")) {
      case "uuid" -> {
        simpleTypes.computeIfAbsent(
            "Uuid",
            n ->
                "  <xs:simpleType name=\"Uuid\">\n"
                    + documentation("    ", "A UUID in its canonical textual form (RFC 9562).")
                    + "    <xs:restriction base=\"xs:string\">\n"
                    + "      <xs:pattern value=\""
                    + UUID_PATTERN
                    + "\"/>\n"
                    + "    </xs:restriction>\n"
                    + "  </xs:simpleType>\n");
        yield "Uuid";
      }
      case "date" -> "xs:date";
      case "date-time" -> "xs:dateTime";
      default -> "xs:string";
    };
  }

  /** The facets of a scalar schema, in a fixed order, as XSD facet elements. */
  private static List<String> facets(JsonNode schema) {
    List<String> facets = new ArrayList<>();
    if (schema.has("const")) {
      facets.add(facet("enumeration", schema.get("const").asText()));
    }
    schema.path("enum").forEach(v -> facets.add(facet("enumeration", v.asText())));
    if (schema.has("pattern")) {
      facets.add(facet("pattern", xsdPattern(schema.get("pattern").asText())));
    }
    // XSD allows no length facets on xs:date / xs:dateTime; their lexical forms are bounded anyway
    boolean temporal = Set.of("date", "date-time").contains(schema.path("format").asText(""));
    if (schema.has("minLength") && !schema.has("enum") && !schema.has("const") && !temporal) {
      facets.add(facet("minLength", schema.get("minLength").asText()));
    }
    if (schema.has("maxLength") && !temporal) {
      facets.add(facet("maxLength", schema.get("maxLength").asText()));
    }
    if (schema.has("minimum")) {
      facets.add(facet("minInclusive", schema.get("minimum").asText()));
    }
    if (schema.has("maximum")) {
      facets.add(facet("maxInclusive", schema.get("maximum").asText()));
    }
    return facets;
  }

  private void restriction(StringBuilder out, String indent, JsonNode schema, String name) {
    out.append(indent).append("<xs:simpleType");
    if (name != null) {
      out.append(" name=\"").append(name).append('"');
    }
    out.append(">\n");
    String description = name == null ? null : text(schema, "description");
    if (description != null) {
      out.append(documentation(indent + "  ", description));
    }
    out.append(indent).append("  <xs:restriction base=\"").append(base(schema)).append("\">\n");
    for (String facet : facets(schema)) {
      out.append(indent).append("    ").append(facet).append('\n');
    }
    out.append(indent).append("  </xs:restriction>\n");
    out.append(indent).append("</xs:simpleType>\n");
  }

  /** A named simple type for a scalar {@code $def} (agencyId, languageTag, riskLevel). */
  private String simpleType(String name, JsonNode schema) {
    if (!simpleTypes.containsKey(name)) {
      StringBuilder out = new StringBuilder();
      restriction(out, "  ", schema, name);
      simpleTypes.put(name, out.toString());
    }
    return name;
  }

  private Target resolve(ContractDocument from, String ref) {
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    ContractDocument doc = from;
    if (!file.isEmpty()) {
      doc = null;
      for (ContractDocument d : ContractDocument.values()) {
        if (d.fileName().equals(file) || d.id().equals(file)) {
          doc = d;
        }
      }
      if (doc == null) {
        throw new IllegalStateException("$ref " + ref + " names no contract schema");
      }
    }
    if (fragment.isEmpty()) {
      return new Target(doc, null, schemas.document(doc), false);
    }
    if (!fragment.startsWith("/$defs/") || fragment.indexOf('/', 7) >= 0) {
      throw new IllegalStateException("$ref " + ref + ": only #/$defs/<name> is supported");
    }
    String def = fragment.substring(7);
    JsonNode node = schemas.document(doc).path("$defs").path(def);
    if (node.isMissingNode()) {
      throw new IllegalStateException("$ref " + ref + " points at nothing");
    }
    return new Target(doc, def, node, false);
  }

  /** The target's keywords, overridden by those written beside the {@code $ref}. */
  private static JsonNode merge(JsonNode target, JsonNode written) {
    var merged = target.deepCopy();
    if (merged.isObject()) {
      written
          .fields()
          .forEachRemaining(
              f -> {
                if (!"$ref".equals(f.getKey())) {
                  ((com.fasterxml.jackson.databind.node.ObjectNode) merged)
                      .set(f.getKey(), f.getValue());
                }
              });
    }
    return merged;
  }

  private static String elementDocumentation(JsonNode written) {
    List<String> parts = new ArrayList<>();
    String sensitivity = text(written, SchemaNode.SENSITIVITY);
    if (sensitivity != null) {
      parts.add(
          SchemaNode.DYNAMIC.equals(sensitivity)
              ? "Sensitivity: dynamic (the class named by the finding's sensitivity)."
              : "Sensitivity: " + sensitivity + ".");
    }
    if (written.path(SchemaNode.SUMMARY).asBoolean(false)) {
      parts.add("In the summary view.");
    }
    String codeList = text(written, SchemaNode.CODELIST);
    if (codeList != null) {
      parts.add("Code list: " + codeList + ".");
    }
    String description = text(written, "description");
    if (description != null) {
      parts.add(description.strip());
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static boolean isObject(JsonNode schema) {
    return "object".equals(schema.path("type").asText()) || schema.has("properties");
  }

  private static boolean isArray(JsonNode schema) {
    return "array".equals(schema.path("type").asText());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() ? null : value.asText();
  }

  static String xsdPattern(String pattern) {
    if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
      throw new IllegalStateException(
          "pattern " + pattern + " is not anchored at both ends; XSD patterns always are");
    }
    return pattern.substring(1, pattern.length() - 1);
  }

  private static String facet(String name, String value) {
    return "<xs:" + name + " value=\"" + escape(value) + "\"/>";
  }

  private static String documentation(String indent, String text) {
    return indent
        + "<xs:annotation><xs:documentation>"
        + escape(text)
        + "</xs:documentation></xs:annotation>\n";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String capitalise(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
